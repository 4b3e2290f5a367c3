// Runs before first paint (a classic, blocking script, so there is no flash):
// applies the remembered theme and marks the page while its strings are being
// translated into the user's language. app.js does everything else.
(function () {
  var root = document.documentElement;
  var theme = null;
  var lang = null;
  try {
    theme = localStorage.getItem('jingwen.theme');
    lang = localStorage.getItem('jingwen.lang');
  } catch (e) {}
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  if (lang !== 'zh-Hans' && lang !== 'zh-Hant' && lang !== 'en') {
    lang = 'en';
    var langs = navigator.languages || [navigator.language];
    for (var i = 0; i < langs.length; i++) {
      var l = String(langs[i] || '').toLowerCase();
      if (l.indexOf('zh') === 0) {
        lang = /hant|-tw|-hk|-mo/.test(l) ? 'zh-Hant' : 'zh-Hans';
        break;
      }
      if (l.indexOf('en') === 0) break;
    }
  }
  root.lang = lang;
  if (lang !== 'zh-Hans') root.classList.add('i18n-pending');
})();
