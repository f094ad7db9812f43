/* Kirov essay — host snippet. Resizes every <iframe data-kirov-essay> to the height its page
   reports, and passes on a theme set with data-theme="light|dark|auto" (also later, through
   window.kirovEssay.setTheme(iframe, theme)). Messages are matched to their frame by
   contentWindow === event.source; anything malformed is ignored. The quoted upper-case names
   are placeholders: the build writes over them the values src/protocol.rs shares. */
(function () {
  'use strict';
  var HEIGHT = '__KIROV_HEIGHT_MESSAGE__';
  var THEME = '__KIROV_THEME_MESSAGE__';
  var THEMES = '__KIROV_THEMES__'.concat('__KIROV_AUTO_THEME__'); // the list, and auto
  function frames() { return document.querySelectorAll('iframe[data-kirov-essay]'); }
  function setTheme(frame, theme) {
    if (!frame || !frame.contentWindow || THEMES.indexOf(theme) < 0) return;
    var message = {}; message[THEME] = theme;
    frame.contentWindow.postMessage(message, '*');
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data[HEIGHT] !== 'number' || !isFinite(data[HEIGHT])) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = Math.max(0, Math.ceil(data[HEIGHT])) + 'px';
        if (list[i].dataset.theme && !list[i].dataset.kirovThemed) {
          list[i].dataset.kirovThemed = 'yes';
          setTheme(list[i], list[i].dataset.theme);
        }
      }
    }
  });
  window.kirovEssay = { setTheme: setTheme };
})();
