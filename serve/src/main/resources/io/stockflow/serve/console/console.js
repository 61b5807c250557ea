'use strict';
// Shared by the console's pages. Every value from the server reaches the page as text (textContent, setAttribute on
// fixed attribute names with addresses built here), never as HTML, so nothing a record carries can run as script.
const SF = (() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const COLORS = ['#1565c0', '#ef6c00', '#2e7d32', '#8e24aa', '#00838f', '#6d4c41', '#c62828', '#546e7a'];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v; else e.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === undefined || c === null) continue;
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }

  const orderHref = id => '/console/orders/' + encodeURIComponent(id);
  const skuHref = sku => '/console/skus/' + encodeURIComponent(sku);
  // To the second: a deadline's nanoseconds only clutter the page.
  const time = iso => (iso || '').replace('T', ' ').replace(/\.\d+/, '').replace('Z', '');
  const pct = x => (x === undefined || x === null || x === '') ? '–' : (100 * Number(x)).toFixed(1) + ' %';

  /** The last path segment of this page's address, decoded: the order id or SKU the page is about. */
  const subject = () => decodeURIComponent(location.pathname.split('/').pop());

  async function getJson(url) {
    const r = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    let body = {};
    try { body = await r.json(); } catch (e) { /* not JSON: the status says enough */ }
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  }

  function fill(tbody, rows) {
    tbody.replaceChildren(...rows);
  }

  function legend(container, names) {
    container.replaceChildren(...names.map((n, i) =>
      el('span', {}, el('i', {style: 'background:' + COLORS[i % COLORS.length]}), n)));
  }

  /** Lines over a shared x axis: {name: [numbers]}; y from 0 to the largest value. */
  function lineChart(container, series, xLabel) {
    const W = 600, H = 180, L = 34, B = 18, T = 8;
    const names = Object.keys(series);
    const n = Math.max(1, ...names.map(k => series[k].length));
    const max = Math.max(1, ...names.flatMap(k => series[k]));
    const root = svg('svg', {viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img'});
    const x = i => L + (W - L - 4) * (n === 1 ? 0 : i / (n - 1));
    const y = v => T + (H - T - B) * (1 - v / max);
    for (const v of [0, max / 2, max]) {
      root.appendChild(svg('line', {x1: L, x2: W - 4, y1: y(v), y2: y(v), stroke: '#e2e5ea'}));
      const t = svg('text', {x: L - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#6b7385'});
      t.textContent = Number.isInteger(v) ? v : v.toFixed(1);
      root.appendChild(t);
    }
    const label = svg('text', {x: W - 4, y: H - 4, 'text-anchor': 'end', 'font-size': 10, fill: '#6b7385'});
    label.textContent = xLabel || '';
    root.appendChild(label);
    names.forEach((k, c) => {
      const pts = series[k].map((v, i) => x(i).toFixed(1) + ',' + y(v).toFixed(1)).join(' ');
      root.appendChild(svg('polyline', {points: pts, fill: 'none', stroke: COLORS[c % COLORS.length], 'stroke-width': 2}));
    });
    container.replaceChildren(root);
  }

  /** Stacked bars, one per label: stacks is [{name, values: [per label]}]. */
  function stackedBars(container, labels, stacks) {
    const W = 600, H = 180, L = 34, B = 30, T = 8;
    const totals = labels.map((_, i) => stacks.reduce((s, st) => s + (st.values[i] || 0), 0));
    const max = Math.max(1, ...totals);
    const root = svg('svg', {viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img'});
    const slot = Math.min(60, (W - L) / Math.max(1, labels.length));
    labels.forEach((lab, i) => {
      let base = H - B;
      stacks.forEach((st, c) => {
        const h = (H - B - T) * (st.values[i] || 0) / max;
        if (h > 0) root.appendChild(svg('rect', {x: L + i * slot + 2, y: base - h, width: Math.max(1, slot - 4), height: h,
          fill: COLORS[c % COLORS.length]}));
        base -= h;
      });
      const t = svg('text', {x: L + i * slot + slot / 2, y: H - B + 12, 'text-anchor': 'middle', 'font-size': 9, fill: '#6b7385'});
      t.textContent = lab;
      root.appendChild(t);
    });
    const top = svg('text', {x: L - 4, y: T + 8, 'text-anchor': 'end', 'font-size': 10, fill: '#6b7385'});
    top.textContent = max;
    root.appendChild(top);
    container.replaceChildren(root);
  }

  /** A cell with a link to the alert's order, else its SKU; plain text when it names neither. */
  function alertSubject(a) {
    if (a.order_id) return el('a', {href: orderHref(a.order_id), class: 'alert-link', 'data-alert-id': a.alert_id}, a.order_id);
    if (a.sku) return el('a', {href: skuHref(a.sku), class: 'alert-link', 'data-alert-id': a.alert_id}, a.sku);
    return document.createTextNode([a.channel, a.location].filter(Boolean).join(' ') || '–');
  }

  return {el, svg, orderHref, skuHref, time, pct, subject, getJson, fill, legend, lineChart, stackedBars, alertSubject, COLORS};
})();
