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

// A button with data-details="selector" opens every <details> it selects, or closes them when all are open (the
// question bank's "Show all answers"); printing opens the question bank's answers, since paper cannot click.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button.toggle-details').forEach(function (button) {
    var show = button.textContent;
    button.addEventListener('click', function () {
      var all = Array.prototype.slice.call(document.querySelectorAll(button.dataset.details));
      var open = !all.every(function (d) { return d.open; });
      all.forEach(function (d) { d.open = open; });
      button.textContent = open ? show.replace('Show', 'Hide') : show;
    });
  });
});
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details.answer').forEach(function (d) { d.open = true; });
});
