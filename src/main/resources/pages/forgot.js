// Posts the address as JSON and shows the service's reply.
ServicePage.onSubmit('forgot-form', function (form, button) {
  'use strict';
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
