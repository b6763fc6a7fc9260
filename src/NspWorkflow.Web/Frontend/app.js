// The app's script: htmx for in-place updates, and small progressive enhancements.
// Everything works without JavaScript; scripts only make it smoother.
import htmx from "htmx.org";
import "./app.css";

window.htmx = htmx;
// No inline styles: the Content-Security-Policy forbids them.
htmx.config.includeIndicatorStyles = false;
htmx.config.allowEval = false;

document.addEventListener("DOMContentLoaded", () => {
  // The phone menu: a disclosure button that shows and hides the navigation.
  const toggle = document.querySelector("[data-nav-toggle]");
  const nav = document.getElementById("main-nav");
  if (toggle && nav) {
    toggle.hidden = false;
    nav.classList.add("collapsible");
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("open", !open);
    });
  }
  // The report's print button (a script, not an inline handler: the Content-Security-Policy forbids those).
  for (const button of document.querySelectorAll("[data-print]"))
    button.addEventListener("click", () => window.print());
});
