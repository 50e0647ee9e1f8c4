//! Entry point of the browser app: puts the app's path in the address where it named a
//! page's file (`web::use_app_path`), then mounts the root component. Mounting waits
//! for the next browser task, so that starting the WebAssembly and drawing the app are two
//! shorter pieces of work rather than one long one (see `web::in_next_task`).

fn main() {
    egov_companion::web::use_app_path();
    egov_companion::web::in_next_task(|| {
        leptos::mount::mount_to_body(egov_companion::ui::App);
    });
}
