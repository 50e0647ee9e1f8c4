//! A place in a page for a view whose code is fetched when first needed (a `#[lazy]`
//! function returning `AnyView`): the page asks for the view, and draws it once it has
//! arrived. Offline before the code has been downloaded, the view waits (the app says so,
//! `ui::components::AppStatus`) and is drawn once back online.
//!
//! Not a loading indicator: the place stays empty until the view arrives.

use std::future::Future;

use leptos::prelude::*;

/// A view made by lazily loaded code, under the owner of the component that made the place.
#[derive(Clone, Copy)]
pub struct LazyView {
    view: StoredValue<Option<AnyView>, LocalStorage>,
    ready: RwSignal<bool>,
    asked: StoredValue<bool>,
    owner: StoredValue<Option<Owner>, LocalStorage>,
}

impl LazyView {
    /// An empty place, for the current component.
    pub fn new() -> Self {
        Self {
            view: StoredValue::new_local(None),
            ready: RwSignal::new(false),
            asked: StoredValue::new(false),
            owner: StoredValue::new_local(Owner::current()),
        }
    }

    /// Asks for the view `make` gives (it is handed the component's owner, to draw under),
    /// unless it was asked for before.
    pub fn load_once<F>(self, make: impl FnOnce(Owner) -> F)
    where
        F: Future<Output = AnyView> + 'static,
    {
        if self.asked.try_get_value() == Some(false) {
            self.load(make);
        }
    }

    /// Asks for the view `make` gives, in place of the one drawn now (which goes at once).
    pub fn load<F>(self, make: impl FnOnce(Owner) -> F)
    where
        F: Future<Output = AnyView> + 'static,
    {
        let Some(owner) = self.owner.try_get_value().flatten() else {
            return;
        };
        self.asked.set_value(true);
        self.ready.set(false);
        let made = make(owner);
        leptos::task::spawn_local(async move {
            let view = made.await;
            self.view.try_set_value(Some(view));
            self.ready.try_set(true);
        });
    }

    /// What to draw in the place: nothing until the view has arrived.
    pub fn drawn(self) -> impl Fn() -> Option<AnyView> + Copy {
        move || {
            self.ready
                .get()
                .then(|| self.view.try_update_value(Option::take).flatten())
                .flatten()
        }
    }
}
