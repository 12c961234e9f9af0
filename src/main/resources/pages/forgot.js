// Posts the address as JSON and shows the service's reply.
(function () {
  'use strict';
  var form = document.getElementById('forgot-form');
  var button = document.getElementById('submit');

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    button.disabled = true;
    ServicePage.post(form, 'application/json', JSON.stringify({ email: form.elements.email.value }), 'omit')
      .then(function (reply) {
        ServicePage.show(reply.message, reply.code !== 0);
      }).catch(function () {
        ServicePage.show(form.dataset.failed, true);
      }).then(function () {
        button.disabled = false;
      });
  });
}());
