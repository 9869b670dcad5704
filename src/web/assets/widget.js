/*
 * Tillsammans widget. Two halves in one small file, no cookies, no storage:
 * 1. On an organisation's page, <script src=".../static/widget.js" data-organisation="slug" data-lang="ar" async>
 *    puts an <iframe> of /ar/widget?organisation=slug right after itself and keeps it as tall as its content.
 * 2. Inside that frame (the widget page loads this same file), it tells the embedding page its height.
 */
(function () {
  'use strict';
  var MESSAGE = 'tillsammans:height';
  var root = document.documentElement;
  var inWidget = root.getAttribute('data-tillsammans-widget') !== null;

  /** The query parameters the widget page understands, each from a data- attribute of the same name. */
  var PARAMS = ['organisation', 'category', 'district', 'audience', 'age', 'women', 'free', 'language', 'limit', 'days'];

  function thisScript() {
    if (document.currentScript) return document.currentScript;
    // Old browsers: the last widget script not yet handled.
    var all = document.querySelectorAll('script[src*="widget"]');
    for (var i = all.length - 1; i >= 0; i--) if (!all[i].getAttribute('data-tillsammans-done')) return all[i];
    return null;
  }

  function originOf(url) {
    var a = document.createElement('a');
    a.href = url;
    // IE leaves the default port on host; the origin a browser reports has none.
    var host = a.host.replace(/:(80|443)$/, '');
    return a.protocol + '//' + host;
  }

  function embed(script) {
    script.setAttribute('data-tillsammans-done', '1');
    var origin = originOf(script.src);
    var lang = script.getAttribute('data-lang') || 'sv';
    var prefix = /^[a-z]{2,3}$/.test(lang) && lang !== 'sv' ? '/' + lang : '';
    var query = [];
    for (var i = 0; i < PARAMS.length; i++) {
      var value = script.getAttribute('data-' + PARAMS[i]);
      if (value) query.push(PARAMS[i] + '=' + encodeURIComponent(value));
    }
    var frame = document.createElement('iframe');
    frame.src = origin + prefix + '/widget' + (query.length ? '?' + query.join('&') : '');
    frame.title = script.getAttribute('data-title') || 'Tillsammans';
    frame.setAttribute('loading', 'lazy');
    frame.style.width = '100%';
    frame.style.maxWidth = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = (script.getAttribute('data-height') || '400') + 'px';
    var parent = script.parentNode;
    if (!parent || parent === document.head) document.body.appendChild(frame);
    else parent.insertBefore(frame, script.nextSibling);

    window.addEventListener('message', function (event) {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || data.type !== MESSAGE || typeof data.height !== 'number' || !(data.height > 0)) return;
      frame.style.height = Math.min(Math.ceil(data.height), 20000) + 'px';
      if (!script.getAttribute('data-title') && typeof data.title === 'string' && data.title) frame.title = data.title.slice(0, 200);
    });
  }

  function reportHeight() {
    var last = 0;
    var pending = false;
    function send() {
      pending = false;
      var height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      // The height is no secret, and the embedding site can be any origin.
      window.parent.postMessage({ type: MESSAGE, height: height, title: document.title }, '*');
    }
    function schedule() {
      if (pending) return;
      pending = true;
      setTimeout(send, 30);
    }
    schedule();
    window.addEventListener('load', schedule);
    window.addEventListener('resize', schedule);
    if (window.ResizeObserver) new window.ResizeObserver(schedule).observe(document.body || root);
  }

  if (!inWidget) {
    var script = thisScript();
    if (script) embed(script);
  }

  if (window.self !== window.top && inWidget) {
    if (document.body) reportHeight();
    else document.addEventListener('DOMContentLoaded', reportHeight);
  }
})();
