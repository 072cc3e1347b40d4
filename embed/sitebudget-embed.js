// SiteBudget host snippet: sizes every <iframe data-sitebudget> to the height its app reports
// ({ type: "sitebudget:height", height: <CSS px>, id? }). A message counts only when it comes
// from that iframe's own window and from the origin of the iframe's src; all others are ignored.
window.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || data.type !== "sitebudget:height" || typeof data.height !== "number") return;
  if (!(data.height >= 0 && data.height <= 100000)) return;
  var frames = document.querySelectorAll("iframe[data-sitebudget]");
  for (var i = 0; i < frames.length; i++) {
    var frame = frames[i];
    if (frame.contentWindow !== event.source) continue;
    if (new URL(frame.src, location.href).origin !== event.origin) return;
    frame.style.height = Math.ceil(data.height) + "px";
    return;
  }
});
