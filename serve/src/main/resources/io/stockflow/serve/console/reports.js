'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const period = new URLSearchParams(location.search).get('period') || 'day';
  $(period === 'week' ? 'by-week' : 'by-day').setAttribute('aria-current', 'page');

  SF.getJson('/reports/' + encodeURIComponent(period)).then(r => {
    const sections = Object.entries(r.tables).map(([name, t]) => SF.el('section', {class: 'card', id: 'report-' + name},
      SF.el('h2', {}, t.title, SF.el('a', {class: 'download', href: t.csv, download: ''}, 'CSV')),
      t.rows.length
        ? SF.el('table', {}, SF.el('thead', {}, SF.el('tr', {}, ...t.columns.map(c => SF.el('th', {}, c.replace(/_/g, ' '))))),
            SF.el('tbody', {}, ...t.rows.map(row => SF.el('tr', {}, ...row.map(v => SF.el('td', {}, v))))))
        : SF.el('p', {class: 'note'}, 'Nothing counted yet.')));
    $('tables').replaceChildren(...sections);

    // Decisions per period, oldest first, stacked by outcome.
    const fill = r.tables['fill-rate'];
    const labels = [...new Set(fill.rows.map(row => row[0]))].reverse();
    const col = n => fill.columns.indexOf(n);
    const stacks = ['complete', 'split', 'backordered', 'rejected'].map(name => ({name,
      values: labels.map(l => fill.rows.filter(row => row[0] === l).reduce((s, row) => s + Number(row[col(name)]), 0))}));
    SF.stackedBars($('fill-chart'), labels, stacks);
    SF.legend($('fill-legend'), stacks.map(s => s.name));
  }).catch(e => { $('tables').replaceChildren(SF.el('p', {}, e.message)); });
})();
