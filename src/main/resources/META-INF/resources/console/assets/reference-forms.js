// The reference documents' forms (/console/admin/reference/…): add a row from the table's blank
// row, remove a row, add or remove a date of a list of dates. Each row's fields carry a key ("categories|r3|code"); a new row gets a key of
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
      row.querySelectorAll('input[name="at"], input[name="pick"]').forEach(function (at) {
        at.value = at.value.replace('|__ROW__|', '|' + key + '|');
      });
      row.querySelectorAll('[data-dates]').forEach(function (list) {
        list.setAttribute('data-dates', list.getAttribute('data-dates').replace('|__ROW__|', '|' + key + '|'));
      });
      body.insertBefore(row, blank);
      var first = row.querySelector('input[name="cell"], select[name="cell"], textarea[name="cell"]');
      if (first) {
        first.focus();
      }
      return;
    }
    var addDate = event.target.closest('[data-add-date]');
    if (addDate) {
      var list = addDate.closest('[data-dates]');
      var item = document.createElement('div');
      item.className = 'date-item';
      var at = document.createElement('input');
      at.type = 'hidden';
      at.name = 'at';
      at.value = list.getAttribute('data-dates');
      var date = document.createElement('input');
      date.type = 'date';
      date.name = 'cell';
      date.setAttribute('aria-label', list.getAttribute('data-label'));
      var drop = document.createElement('button');
      drop.type = 'button';
      drop.className = 'link';
      drop.setAttribute('data-remove-date', '');
      drop.textContent = '删除';
      item.append(at, date, ' ', drop);
      list.insertBefore(item, addDate);
      date.focus();
      return;
    }
    var removeDate = event.target.closest('[data-remove-date]');
    if (removeDate) {
      removeDate.closest('.date-item').remove();
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
