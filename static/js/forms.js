// Move keyboard and screen-reader focus to a form's error summary when a page has one.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
