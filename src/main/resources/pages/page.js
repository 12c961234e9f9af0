// What both hosted pages share: posting their form with fetch and showing the service's (localized) reply.
var ServicePage = (function () {
  'use strict';
  var result = document.getElementById('result');

  function show(text, isError) {
    result.textContent = text;
    result.className = isError ? 'error' : 'success';
  }

  // Resolves to the reply's JSON body (every reply of the API has one, refusals such as 429 and 503 included).
  function post(form, contentType, body, credentials) {
    return fetch(form.action, {
      method: 'POST',
      headers: {
        'Content-Type': contentType,
        'Accept': 'application/json',
        'Accept-Language': document.documentElement.lang
      },
      body: body,
      credentials: credentials,
      referrerPolicy: 'no-referrer'
    }).then(function (response) {
      return response.json();
    });
  }

  // Calls handle(form, button) instead of the browser's own submission of the form; button is the form's submit.
  function onSubmit(formId, handle) {
    var form = document.getElementById(formId);
    var button = document.getElementById('submit');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      handle(form, button);
    });
  }

  return { show: show, post: post, onSubmit: onSubmit };
}());
