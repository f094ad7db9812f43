/* Kirov essay — host snippet. Resizes every <iframe data-kirov-essay> to the height its page
   reports, passes on a theme set with data-theme="light|dark|auto" (also later, through
   window.kirovEssay.setTheme(iframe, theme)), and tells each frame which band of it the reader
   can see (top and height in the frame's pixels, once per animation frame while the page
   scrolls or resizes), so the essay keeps its cards, sheets and bars on the reader's screen
   although the frame is as tall as the essay. Messages are matched to their frame by
   contentWindow === event.source; anything malformed is ignored. The quoted upper-case names
   are placeholders: the build writes over them the values src/protocol.rs shares. */
(function () {
  'use strict';
  var HEIGHT = '__KIROV_HEIGHT_MESSAGE__';
  var THEME = '__KIROV_THEME_MESSAGE__';
  var VIEWPORT = '__KIROV_VIEWPORT_MESSAGE__';
  var THEMES = '__KIROV_THEMES__'.concat('__KIROV_AUTO_THEME__'); // the list, and auto
  function frames() { return document.querySelectorAll('iframe[data-kirov-essay]'); }
  function setTheme(frame, theme) {
    if (!frame || !frame.contentWindow || THEMES.indexOf(theme) < 0) return;
    var message = {}; message[THEME] = theme;
    frame.contentWindow.postMessage(message, '*');
  }

  // The band of each frame on screen, sent only when it changed.
  var queued = false;
  function sendBands() {
    queued = false;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (!frame.contentWindow) continue;
      // The frame's content box: its document starts inside any border the host gives it.
      var r = frame.getBoundingClientRect();
      var start = r.top + frame.clientTop;
      var top = Math.max(0, -start);
      var bottom = Math.min(frame.clientHeight, window.innerHeight - start);
      var band = { top: Math.round(top), height: Math.round(Math.max(0, bottom - top)) };
      var key = band.top + ':' + band.height;
      if (frame.dataset.kirovBand === key) continue;
      frame.dataset.kirovBand = key;
      var message = {}; message[VIEWPORT] = band;
      frame.contentWindow.postMessage(message, '*');
    }
  }
  function queueBands() {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(sendBands);
  }
  window.addEventListener('scroll', queueBands, { passive: true });
  window.addEventListener('resize', queueBands);

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data[HEIGHT] !== 'number' || !isFinite(data[HEIGHT])) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = Math.max(0, Math.ceil(data[HEIGHT])) + 'px';
        // A new height moves the band; a frame that just started needs its first one.
        delete list[i].dataset.kirovBand;
        queueBands();
        if (list[i].dataset.theme && !list[i].dataset.kirovThemed) {
          list[i].dataset.kirovThemed = 'yes';
          setTheme(list[i], list[i].dataset.theme);
        }
      }
    }
  });
  window.kirovEssay = { setTheme: setTheme };
})();
