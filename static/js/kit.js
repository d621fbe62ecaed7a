// The interview kit's small behaviours on top of htmx: save status text, Enter never submits
// by accident, unsaved changes are flushed when the tab is hidden or closed, an unchanged
// flag list is not re-announced to screen readers, and a late autosave answer never rolls the
// progress back.
(function () {
  "use strict";

  function statusOf(form) {
    return form.querySelector(".save-status .save-text");
  }

  function setStatus(form, text, cls) {
    var el = statusOf(form);
    if (el) {
      el.textContent = text;
      el.className = "save-text " + cls;
    }
  }

  function questionForm(elt) {
    return elt && elt.closest ? elt.closest("form.question") : null;
  }

  // Enter in a radio or text input would submit the question's form; textareas keep newlines.
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (event.key === "Enter" && questionForm(t) && t.tagName === "INPUT") {
      event.preventDefault();
    }
  });

  document.addEventListener("input", function (event) {
    var form = questionForm(event.target);
    if (form && !event.target.name.match(/-reason$/)) {
      form.dataset.dirty = "1";
      setStatus(form, "Unsaved changes…", "text-body-secondary");
    }
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (elt.matches && elt.matches("form.question")) {
      delete elt.dataset.dirty;
      setStatus(elt, "Saving…", "text-body-secondary");
    }
  });

  function failed(event) {
    var form = questionForm(event.detail.elt);
    if (form) {
      form.dataset.dirty = "1";
      var xhr = event.detail.xhr;
      var why = xhr && xhr.status === 403 ? "your session may have ended; reload the page"
        : "the server could not be reached; it retries on your next change";
      setStatus(form, "Not saved: " + why + ".", "text-danger");
    }
  }
  document.addEventListener("htmx:responseError", failed);
  document.addEventListener("htmx:sendError", failed);

  // Swapping identical content into an aria-live region makes screen readers repeat it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.classList && target.classList.contains("flags") &&
        target.innerHTML.trim() === event.detail.serverResponse.trim()) {
      event.detail.shouldSwap = false;
    }
  });

  // Autosaves of different questions can answer out of order: the progress and a dimension's
  // count carry the interview's save stamp, and an older count never replaces a newer one.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    var incoming = event.detail.fragment && event.detail.fragment.firstElementChild;
    if (target && incoming && target.dataset && target.dataset.stamp !== undefined &&
        incoming.dataset && incoming.dataset.stamp !== undefined &&
        Number(incoming.dataset.stamp) < Number(target.dataset.stamp)) {
      event.detail.shouldSwap = false;
    }
  });

  function dirtyForms() {
    return document.querySelectorAll("form.question[data-dirty]");
  }

  // Switching tabs: save now through htmx (the page lives on and keeps its revision).
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && window.htmx) {
      dirtyForms().forEach(function (form) { window.htmx.trigger(form, "flush"); });
    }
  });

  // Submitting: save what is still waiting for its debounce first, then submit.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var dirty = dirtyForms();
    if (!form.matches("form.submit-interview") || !dirty.length || !window.htmx) {
      return;
    }
    event.preventDefault();
    var pending = dirty.length;
    document.addEventListener("htmx:afterRequest", function done(e) {
      if (questionForm(e.detail.elt) === e.detail.elt && --pending <= 0) {
        document.removeEventListener("htmx:afterRequest", done);
        form.submit();
      }
    });
    dirty.forEach(function (f) { window.htmx.trigger(f, "flush"); });
  });

  // Answer boxes grow with their text; CSS field-sizing does it where the browser supports it.
  if (!(window.CSS && CSS.supports && CSS.supports("field-sizing", "content"))) {
    var grow = function (box) {
      box.style.height = "auto";
      box.style.height = box.scrollHeight + 2 + "px";
    };
    document.addEventListener("input", function (event) {
      if (event.target.matches && event.target.matches(".question textarea")) {
        grow(event.target);
      }
    });
    document.querySelectorAll(".question textarea").forEach(grow);
  }

  // Closing the tab: a beacon outlives the page.
  window.addEventListener("pagehide", function () {
    dirtyForms().forEach(function (form) {
      if (navigator.sendBeacon) {
        navigator.sendBeacon(form.action, new FormData(form));
      }
    });
  });
})();
