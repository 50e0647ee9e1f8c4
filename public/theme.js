// Applies the remembered colour theme before the first paint (no flash of the wrong theme).
// The build writes it into each page (scripts/post-build.mjs), so it costs no request.
// The app's theme toggle writes the same key; without one the system setting applies.
(function () {
  try {
    var theme = localStorage.getItem("egov-companion/theme");
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  } catch (e) {
    // Storage unavailable: follow the system setting.
  }
})();
