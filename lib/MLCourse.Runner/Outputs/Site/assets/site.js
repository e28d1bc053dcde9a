// Renders the Markdown cells' math with the vendored KaTeX (Markdig wraps it in .math elements as \( \) and \[ \]),
// then records on <body> what a test or a reader may want to know: formulas rendered, formulas that failed, images
// that did not load, interactive charts drawn (of those on the page), and resources requested from the network
// (there should be none).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.math').forEach(function (el) {
    var text = el.textContent.trim();
    var display = el.tagName === 'DIV' || text.indexOf('\\[') === 0;
    var tex = text.replace(/^\\[\(\[]/, '').replace(/\\[\)\]]$/, '');
    katex.render(tex, el, { displayMode: display, throwOnError: false });
  });
});
window.addEventListener('load', function () {
  var images = Array.prototype.slice.call(document.images);
  var external = performance.getEntriesByType('resource').map(function (r) { return r.name; })
    .filter(function (name) { return /^https?:/i.test(name); });
  document.body.dataset.mathRendered = document.querySelectorAll('.math .katex').length;
  document.body.dataset.mathErrors = document.querySelectorAll('.katex-error').length;
  document.body.dataset.imagesBroken = images.filter(function (i) { return !i.complete || i.naturalWidth === 0; }).length;
  document.body.dataset.externalRequests = external.length;
  document.body.dataset.charts = document.querySelectorAll('div[id^="plotly-"]').length;
  document.body.dataset.chartsRendered = document.querySelectorAll('div[id^="plotly-"].js-plotly-plot').length;
  document.body.dataset.ready = 'true';
});
