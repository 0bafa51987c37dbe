// The reference documents' forms (/console/admin/reference/…): add a row from the table's blank
// row, remove a row. Each row's fields carry a key ("categories|r3|code"); a new row gets a key of
// its own so that the server keeps the rows apart and in the page's order.
(function () {
  var added = 0;
  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-row]');
    if (add) {
      var section = add.getAttribute('data-add-row');
      var blank = document.getElementById('blank-' + section);
      var body = document.querySelector('#table-' + section + ' tbody');
      if (!blank || !body) {
        return;
      }
      var key = 'n' + Date.now() + '-' + (++added);
      var row = blank.content.firstElementChild.cloneNode(true);
      row.setAttribute('data-row', key);
      row.querySelectorAll('input[name="at"]').forEach(function (at) {
        at.value = at.value.replace('|__ROW__|', '|' + key + '|');
      });
      body.insertBefore(row, blank);
      var first = row.querySelector('input[name="cell"], select[name="cell"], textarea[name="cell"]');
      if (first) {
        first.focus();
      }
      return;
    }
    var remove = event.target.closest('[data-remove-row]');
    if (remove) {
      var tr = remove.closest('tr');
      if (tr && !tr.parentElement.matches('template')) {
        tr.remove();
      }
    }
  });
})();
