// samverkan-kg network page. Every text from the data goes through textContent (never innerHTML),
// so labels, names and tooltips are shown as text and cannot run script.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("graph-data").textContent);
  const el = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const DIM = "#e3e7ec";
  const DIM_LIMIT = 400;  // above this many shown nodes, a selection does not grey out the rest
  const EDGE_OPACITY = DATA.edges.length > 1500 ? 0.3 : 0.55;  // thousands of ties would hide the nodes
  const OTHER = "#aab4bf";
  function make(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  }
  function fold(s) {
    return kgFold(s);  // kg.core.labels.fold, the one rule of search and reconciliation (kg.viz.render.fold_script)
  }
  function natural(a, b) {
    return String(a).localeCompare(String(b), undefined, { numeric: true });
  }

  // ---------------------------------------------------------------- data and state
  const byId = new Map(DATA.nodes.map((n) => [n.id, n]));
  const byKey = new Map(DATA.nodes.map((n) => [n.key, n]));
  DATA.edges.forEach((e, i) => { e.id = "e" + i; });
  const layerA = DATA.edges.filter((e) => e.layer === "a");
  const layerB = DATA.edges.filter((e) => e.layer === "b");
  const edgeById = new Map(DATA.edges.map((e) => [e.id, e]));
  const hasInitiatives = DATA.nodes.some((n) => !n.actor);
  const state = {
    lang: DATA.lang, mode: DATA.mode, color: DATA.color_by, node: null, depth: 0, year: null,
    hidden: { type: new Set(), cluster: new Set(), country: new Set() }, pathFrom: null, pathTo: null, picking: false,
  };
  let L = DATA.i18n[state.lang];
  const t = (key, values) => (values ? fmt(L.ui[key], values) : L.ui[key]);
  const countryName = (c) => (c ? (L.countries[c] || c) : t("no_country"));
  const langName = (c) => (c ? (L.languages[c] || c) : "");
  const nodeLabel = (n) => n.labels[state.lang] || n.label;
  const kindName = (k) => L.kinds[k] || k;
  function clusterName(c) {
    const facet = DATA.facets.cluster.find((f) => f.value === c);
    const name = facet && ((facet.names && facet.names[state.lang]) || facet.name);
    return name ? c + ": " + name : c;
  }
  // a node's county or region in the chosen language (the reference data's names of the areas), else
  // as the network was read
  function areaName(n) {
    const names = (n.area_keys || []).map((k) => ((DATA.areas || {})[k] || {})[state.lang]);
    return names.length && names.every((x) => x) ? names.join("; ") : n.area;
  }
  // a cluster's name, initiatives or funders in the chosen language where the page has them
  const inLang = (byLang, fallback) => (byLang && byLang[state.lang]) || fallback;
  function dates(start, end) {
    if (start && end) return start === end ? start : start + " – " + end;  // a one-day event: its day once
    return start ? start + " –" : (end ? "– " + end : "");
  }
  function number(value, digits) {
    return new Intl.NumberFormat(state.lang, { maximumFractionDigits: digits }).format(value);
  }

  // ---------------------------------------------------------------- the network
  const maxW = Math.max(1, ...layerA.map((e) => e.w));
  function colorOf(n) {
    if (state.color === "cluster" && n.actor) return n.cluster ? (DATA.colors.cluster[n.cluster] || OTHER) : OTHER;
    if (state.color === "country" && n.actor) return DATA.colors.country[n.country] || OTHER;
    return DATA.colors.type[n.kind];
  }
  const SHAPE = Object.fromEntries(DATA.legend.map((l) => [l.kind, l.shape]));
  // a shape vis-network lacks, drawn by its custom renderer: a pentagon of the node's size and colours
  function pentagon({ ctx, x, y, state: { selected, hover }, style }) {
    const r = style.size;
    return {
      drawNode() {
        ctx.beginPath();
        for (let i = 0; i < 5; i++) {
          const a = -Math.PI / 2 + i * 2 * Math.PI / 5;
          if (i) ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a)); else ctx.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
        }
        ctx.closePath();
        ctx.fillStyle = style.color;
        ctx.fill();
        ctx.lineWidth = selected || hover ? 2 * style.borderWidth : style.borderWidth;
        ctx.strokeStyle = style.borderColor;
        ctx.stroke();
      },
      nodeDimensions: { width: 2 * r, height: 2 * r },
    };
  }
  function shapeOf(kind) {
    return SHAPE[kind] === "pentagon" ? { shape: "custom", ctxRenderer: pentagon } : { shape: SHAPE[kind] };
  }
  // drawn as the default view shows them, so that the first refresh changes little
  const painted = new Map();
  const paintedEdges = new Map();
  const nodes = new vis.DataSet(DATA.nodes.map((n) => {
    const hidden = !n.actor && DATA.mode === "actors";
    painted.set(n.id, hidden + colorOf(n));
    return { id: n.id, x: n.x, y: n.y, size: n.size, ...shapeOf(n.kind), hidden: hidden,
      color: { background: colorOf(n), border: "#ffffff", highlight: { background: colorOf(n), border: "#1d2733" } } };
  }));
  const edges = new vis.DataSet(DATA.edges.map((e) => {
    const hidden = (e.layer === "a") !== (DATA.mode === "actors");
    paintedEdges.set(e.id, hidden + "#9aa7b5" + 0);
    return { id: e.id, from: e.from, to: e.to, hidden: hidden, color: { color: "#9aa7b5", opacity: EDGE_OPACITY },
      width: e.layer === "a" ? 1 + 3 * e.w / maxW : (e.w > 1 ? 2 : 1) };
  }));
  const network = new vis.Network(el("network"), { nodes: nodes, edges: edges }, DATA.options);
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;

  // ---------------------------------------------------------------- what is visible
  let visible = { nodes: new Set(), edges: [] };
  const yearIndex = new Map(DATA.years.map((y, i) => [y, i]));
  function inYear(mask) {
    if (state.year === null || mask === null || mask === undefined) return true;
    return mask[yearIndex.get(state.year)] === "1";
  }
  function around(start, list, depth) {
    const adjacent = new Map();
    for (const e of list) {
      if (!adjacent.has(e.from)) adjacent.set(e.from, []);
      if (!adjacent.has(e.to)) adjacent.set(e.to, []);
      adjacent.get(e.from).push(e.to);
      adjacent.get(e.to).push(e.from);
    }
    const seen = new Map([[start, 0]]);
    let frontier = [start];
    for (let step = 1; step <= depth && frontier.length; step++) {
      const next = [];
      for (const id of frontier) for (const o of adjacent.get(id) || []) if (!seen.has(o)) { seen.set(o, step); next.push(o); }
      frontier = next;
    }
    return { seen: seen, adjacent: adjacent };
  }
  function filtered() {
    const ok = new Set();
    for (const n of DATA.nodes) {
      if (!n.actor && state.mode === "actors") continue;
      if (state.hidden.type.has(n.kind)) continue;
      if (n.actor && (state.hidden.cluster.has(n.cluster) || state.hidden.country.has(n.country))) continue;
      if (!inYear(n.years)) continue;
      ok.add(n.id);
    }
    const list = (state.mode === "actors" ? layerA : layerB).filter((e) => ok.has(e.from) && ok.has(e.to) && inYear(e.years));
    if (state.mode === "both") {  // an initiative is shown with at least one shown participant
      const touched = new Set();
      for (const e of list) { touched.add(e.from); touched.add(e.to); }
      for (const n of DATA.nodes) if (!n.actor && ok.has(n.id) && !touched.has(n.id)) ok.delete(n.id);
    }
    return { nodes: ok, edges: list };
  }
  function computeVisible() {
    const shown = filtered();
    if (state.node && state.depth > 0 && shown.nodes.has(state.node)) {
      const within = around(state.node, shown.edges, state.depth).seen;
      for (const id of [...shown.nodes]) if (!within.has(id)) shown.nodes.delete(id);
      shown.edges = shown.edges.filter((e) => within.has(e.from) && within.has(e.to));
    }
    return shown;
  }

  // ---------------------------------------------------------------- shortest paths
  let paths = null;
  function shortestPaths(from, to, limit) {
    const shown = filtered();
    if (!shown.nodes.has(from) || !shown.nodes.has(to)) return { length: null, count: 0, paths: [] };
    const { seen, adjacent } = around(from, shown.edges, Infinity);
    if (!seen.has(to)) return { length: null, count: 0, paths: [] };
    const count = new Map([[from, 1]]);
    const order = [...seen.keys()].sort((a, b) => seen.get(a) - seen.get(b));
    for (const id of order) {
      if (id === from) continue;
      let c = 0;
      for (const o of adjacent.get(id) || []) if (seen.get(o) === seen.get(id) - 1) c += count.get(o) || 0;
      count.set(id, c);
    }
    const found = [];
    function back(id, tail) {
      if (found.length >= limit) return;
      if (id === from) { found.push([from, ...tail]); return; }
      const previous = (adjacent.get(id) || []).filter((o) => seen.get(o) === seen.get(id) - 1).sort(natural);
      for (const o of previous) back(o, [id, ...tail]);
    }
    back(to, []);
    return { length: seen.get(to), count: count.get(to), paths: found };
  }
  function updatePaths() {
    paths = state.pathFrom && state.pathTo ? shortestPaths(state.pathFrom, state.pathTo, 50) : null;
    window.kgPaths = paths ? { length: paths.length, count: paths.count,
      paths: paths.paths.map((p) => p.map((id) => byId.get(id).key)) } : null;
  }

  // ---------------------------------------------------------------- painting
  function refresh() {
    visible = computeVisible();
    const edgeShown = new Set(visible.edges.map((e) => e.id));
    let strong = null;
    let strongEdges = null;
    if (paths && paths.paths.length) {
      strong = new Set(paths.paths.flat());
      strongEdges = new Set();
      for (const p of paths.paths) for (let i = 1; i < p.length; i++) strongEdges.add([p[i - 1], p[i]].sort().join(" "));
    } else if (state.node && state.depth === 0 && visible.nodes.has(state.node)) {
      strong = new Set([state.node]);
      for (const e of visible.edges) {
        if (e.from === state.node) strong.add(e.to);
        if (e.to === state.node) strong.add(e.from);
      }
    }
    // vis-network spends about 0.1 ms on each updated item: large networks dim nothing, and a tie
    // whose end is hidden is not drawn anyway, so it is left as it is until its ends show again.
    const dimNodes = visible.nodes.size <= DIM_LIMIT;
    const nodeUpdates = [];
    for (const n of DATA.nodes) {
      const hidden = !visible.nodes.has(n.id);
      const colour = strong && dimNodes && !strong.has(n.id) ? DIM : colorOf(n);
      const key = hidden + colour;
      if (painted.get(n.id) === key) continue;
      painted.set(n.id, key);
      nodeUpdates.push({ id: n.id, hidden: hidden,
        color: { background: colour, border: "#ffffff", highlight: { background: colour, border: "#1d2733" } } });
    }
    const edgeUpdates = [];
    for (const e of DATA.edges) {
      if (!visible.nodes.has(e.from) || !visible.nodes.has(e.to)) continue;
      const hidden = !edgeShown.has(e.id);
      let colour = "#9aa7b5";
      let extra = 0;
      const mine = e.from === state.node || e.to === state.node;
      if (strongEdges) {
        const onPath = strongEdges.has([e.from, e.to].sort().join(" "));
        colour = onPath ? "#c0392b" : (dimNodes ? DIM : colour);
        extra = onPath ? 2 : 0;
      } else if (strong) {
        colour = mine ? "#4b5663" : (dimNodes ? DIM : colour);
      } else if (state.node && state.depth > 0 && mine) {
        colour = "#4b5663";
      }
      const opacity = colour === "#9aa7b5" ? EDGE_OPACITY : 1;
      const key = hidden + colour + extra;
      if (paintedEdges.get(e.id) === key) continue;
      paintedEdges.set(e.id, key);
      const base = e.layer === "a" ? 1 + 3 * e.w / maxW : (e.w > 1 ? 2 : 1);
      edgeUpdates.push({ id: e.id, hidden: hidden, color: { color: colour, opacity: opacity }, width: base + extra });
    }
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    window.kgVisibleCount = visible.nodes.size;
    window.kgVisibleEdges = visible.edges.length;
    showCounts();
  }
  function showCounts() {
    const total = state.mode === "actors" ? DATA.nodes.filter((n) => n.actor).length : DATA.nodes.length;
    el("counts").textContent = t("counts", {
      vn: number(visible.nodes.size), tn: number(total),
      ve: number(visible.edges.length), te: number((state.mode === "actors" ? layerA : layerB).length),
    });
  }

  // ---------------------------------------------------------------- labels: the ones that fit, by importance
  const stage = el("stage");
  const layer = el("labels");
  const probe = make("span", "Åg", "lbl");
  probe.style.visibility = "hidden";
  layer.appendChild(probe);
  const ruler = document.createElement("canvas").getContext("2d");
  ruler.font = getComputedStyle(probe).font;
  const LABEL_H = probe.offsetHeight || 15;
  const PAD = 6;
  probe.remove();
  const widths = new Map();
  const spans = new Map();
  const byRank = DATA.nodes.slice().sort((a, b) => a.rank - b.rank);
  let shown = new Map();
  function widthOf(textValue) {
    if (!widths.has(textValue)) widths.set(textValue, Math.ceil(ruler.measureText(textValue).width) + PAD);
    return widths.get(textValue);
  }
  function placeLabels() {
    const scale = network.getScale();
    const view = network.getViewPosition();
    const W = stage.clientWidth;
    const H = stage.clientHeight;
    const CELL = 96;
    const grid = new Map();
    const next = new Map();
    const bar = el("toolbar");  // no label under the buttons
    const barBox = [W - bar.offsetWidth - 12, 0, W, bar.offsetHeight + 12];
    for (let cx = Math.floor(barBox[0] / CELL); cx <= Math.floor(barBox[2] / CELL); cx++) grid.set(cx + ",0", [barBox]);
    const first = [];
    if (state.node) first.push(byId.get(state.node));
    if (paths) for (const p of paths.paths) for (const id of p) first.push(byId.get(id));
    const body = network.body.nodes;
    for (const id of visible.nodes) {  // labels do not cover the nodes either
      const b = body[id];
      if (!b) continue;
      const r = byId.get(id).size * scale;
      const sx = (b.x - view.x) * scale + W / 2;
      const sy = (b.y - view.y) * scale + H / 2;
      if (r < 2 || sx + r < 0 || sy + r < 0 || sx - r > W || sy - r > H) continue;
      const box = [sx - r, sy - r, sx + r, sy + r];
      for (let cx = Math.floor(box[0] / CELL); cx <= Math.floor(box[2] / CELL); cx++) {
        for (let cy = Math.floor(box[1] / CELL); cy <= Math.floor(box[3] / CELL); cy++) {
          const cell = cx + "," + cy;
          if (!grid.has(cell)) grid.set(cell, []);
          grid.get(cell).push(box);
        }
      }
    }
    for (const n of first.concat(byRank)) {
      if (next.has(n.id) || !visible.nodes.has(n.id) || !body[n.id]) continue;
      const textValue = nodeLabel(n);
      const w = widthOf(textValue);
      const sx = (body[n.id].x - view.x) * scale + W / 2;
      const sy = (body[n.id].y - view.y) * scale + H / 2;
      const r = n.size * scale + 3;
      const spots = [  // below, above, right, left of the node
        [sx - w / 2, sy + r], [sx - w / 2, sy - r - LABEL_H], [sx + r, sy - LABEL_H / 2], [sx - r - w, sy - LABEL_H / 2],
      ];
      for (const [fx, fy] of spots) {
        const x0 = Math.round(fx);
        const y0 = Math.round(fy);
        if (x0 < 0 || y0 < 0 || x0 + w > W || y0 + LABEL_H > H) continue;
        const box = [x0 - 1, y0 - 1, x0 + w + 1, y0 + LABEL_H + 1];
        const cells = [];
        let clash = false;
        for (let cx = Math.floor(box[0] / CELL); cx <= Math.floor(box[2] / CELL) && !clash; cx++) {
          for (let cy = Math.floor(box[1] / CELL); cy <= Math.floor(box[3] / CELL) && !clash; cy++) {
            const cell = cx + "," + cy;
            cells.push(cell);
            for (const b of grid.get(cell) || []) {
              if (box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]) { clash = true; break; }
            }
          }
        }
        if (clash) continue;
        for (const cell of cells) { if (!grid.has(cell)) grid.set(cell, []); grid.get(cell).push(box); }
        next.set(n.id, [x0, y0, textValue]);
        break;
      }
    }
    for (const [id, span] of spans) if (!next.has(id) && span.style.display !== "none") span.style.display = "none";
    for (const [id, [x0, y0, textValue]] of next) {
      let span = spans.get(id);
      if (!span) { span = make("span", textValue, "lbl"); spans.set(id, span); layer.appendChild(span); }
      if (span.textContent !== textValue) span.textContent = textValue;
      span.style.transform = "translate(" + x0 + "px," + y0 + "px)";
      span.classList.toggle("sel", id === state.node);
      if (span.style.display === "none") span.style.display = "";
    }
    shown = next;
  }
  network.on("afterDrawing", placeLabels);
  window.kgLabels = () => [...shown.keys()].map((id) => byId.get(id).key);

  // ---------------------------------------------------------------- tooltips (text only)
  const tip = el("tip");
  function sourceText(id) {
    const s = DATA.sources[id];
    if (!s) return id;
    const title = (s.titles.find((x) => x[1] === state.lang) || s.titles[0] || [id])[0];
    return title + " (" + (s.issued || t("undated")) + ")";
  }
  function nodeTip(n) {
    const lines = [nodeLabel(n), kindName(n.kind) + (n.types[state.lang] ? " · " + n.types[state.lang] : "")];
    if (n.area) lines.push(areaName(n));
    if (n.country) lines.push(countryName(n.country));
    if (n.start || n.end) lines.push(dates(n.start, n.end));
    return lines.join("\n");
  }
  function edgeTip(e) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    const lines = [nodeLabel(a) + " – " + nodeLabel(b)];
    if (e.roles.length) lines.push(e.roles.map((r) => L.roles[r] || r).join(", "));
    if (e.inits.length) lines.push(t("shared") + ": " + e.inits.join("; "));
    if (e.layer === "a") lines.push(t("weight", { w: number(e.w, 2) }));
    if (e.sources.length) lines.push(t("sources") + ": " + e.sources.map(sourceText).join("; "));
    return lines.join("\n");
  }
  function showTip(textValue, pointer) {
    tip.textContent = textValue;
    tip.style.display = "block";
    const W = stage.clientWidth;
    tip.style.left = Math.min(pointer.x + 14, W - tip.offsetWidth - 4) + "px";
    tip.style.top = (pointer.y + 14) + "px";
  }
  const hideTip = () => { tip.style.display = "none"; };
  network.on("hoverNode", (p) => showTip(nodeTip(byId.get(p.node)), p.pointer.DOM));
  network.on("hoverEdge", (p) => showTip(edgeTip(edgeById.get(p.edge)), p.pointer.DOM));
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // ---------------------------------------------------------------- legend and filters
  function shapeIcon(shape, colour) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "-8 -8 16 16");
    const points = {
      square: "-6,-6 6,-6 6,6 -6,6", diamond: "0,-7 7,0 0,7 -7,0", triangle: "0,-7 7,6 -7,6",
      triangleDown: "-7,-6 7,-6 0,7", hexagon: "-7,0 -3.5,-6 3.5,-6 7,0 3.5,6 -3.5,6",
      pentagon: "0,-7 6.7,-2.2 4.1,5.7 -4.1,5.7 -6.7,-2.2",
      star: "0,-7.5 2,-2.5 7.5,-2.3 3.2,1.2 4.6,6.8 0,3.6 -4.6,6.8 -3.2,1.2 -7.5,-2.3 -2,-2.5",
    };
    const shapeNode = points[shape] ? document.createElementNS(SVG, "polygon") : document.createElementNS(SVG, "circle");
    if (points[shape]) shapeNode.setAttribute("points", points[shape]); else shapeNode.setAttribute("r", "6.5");
    shapeNode.setAttribute("fill", colour);
    shapeNode.setAttribute("stroke", "#0004");
    svg.appendChild(shapeNode);
    return svg;
  }
  function legendRow(icon, textValue) {
    const row = make("div", null, "row");
    row.appendChild(icon);
    row.appendChild(make("span", textValue));
    return row;
  }
  function drawLegend() {
    const box = el("legend");
    box.replaceChildren();
    const kinds = new Set(DATA.nodes.map((n) => n.kind));
    const byType = state.color === "type";
    box.appendChild(make("h3", byType ? t("legend_shape") : t("legend_shape_only")));
    for (const item of DATA.legend) {
      if (!kinds.has(item.kind)) continue;
      const colour = byType || item.kind === "initiative" || item.kind === "event" ? item.color : OTHER;
      box.appendChild(legendRow(shapeIcon(item.shape, colour), kindName(item.kind)));
    }
    if (!byType) {
      box.appendChild(make("h3", t("legend_colour", { what: t(state.color).toLowerCase() })));
      const table = DATA.colors[state.color];
      let others = false;
      for (const value of Object.keys(table).sort(natural)) {
        if (table[value] === OTHER && state.color === "cluster") { others = true; continue; }
        const label = state.color === "cluster" ? clusterName(value) : countryName(value);
        box.appendChild(legendRow(shapeIcon("dot", table[value]), label));
      }
      if (others) box.appendChild(legendRow(shapeIcon("dot", OTHER), t("other_clusters")));
    }
    el("size-legend").textContent = t("size_note", { measure: t("measure_" + DATA.size_by) || DATA.size_by });
  }
  function drawFilters() {
    const box = el("filters");
    box.replaceChildren();
    for (const facet of ["type", "cluster", "country"]) {
      const values = DATA.facets[facet];
      if (!values.length) continue;
      box.appendChild(make("h3", t("filter_" + facet)));
      for (const v of values) {
        if (facet === "type" && !hasInitiatives && !v.count) continue;
        const label = make("label", null, "filter");
        const input = document.createElement("input");
        input.type = "checkbox";
        input.checked = !state.hidden[facet].has(v.value);
        input.dataset.facet = facet;
        input.dataset.value = v.value;
        input.addEventListener("change", () => {
          if (input.checked) state.hidden[facet].delete(v.value); else state.hidden[facet].add(v.value);
          changed();
        });
        label.appendChild(input);
        if (facet === "type") label.appendChild(shapeIcon(SHAPE[v.value], DATA.colors.type[v.value]));
        const name = facet === "type" ? kindName(v.value) : facet === "cluster" ? clusterName(v.value) : countryName(v.value);
        label.appendChild(make("span", name + " (" + number(v.count) + ")"));
        box.appendChild(label);
      }
    }
  }

  // ---------------------------------------------------------------- details panel
  function sourceLine(id) {
    const s = DATA.sources[id];
    const div = make("div", null, "src");
    if (s) {
      const title = (s.titles.find((x) => x[1] === state.lang) || s.titles[0] || [id])[0];
      div.appendChild(make("span", title + " (" + (s.issued || t("undated")) + ")"));
    }
    div.appendChild(make("span", id, "fid"));
    return div;
  }
  function sources(list) {
    const box = make("div");
    if (list.length) box.appendChild(make("div", t("sources") + ":", "src"));
    for (const id of list) box.appendChild(sourceLine(id));
    return box;
  }
  function term(dl, name, value) {
    if (value === "" || value === null || value === undefined) return;
    dl.appendChild(make("dt", name));
    dl.appendChild(value instanceof Node ? (() => { const dd = make("dd"); dd.appendChild(value); return dd; })() : make("dd", value));
  }
  function otherLabel(id, fallback) {
    const n = id ? byId.get(id) : null;
    return n ? nodeLabel(n) : fallback;
  }
  function detailsFocus(box, n) {
    box.appendChild(make("h2", t("focus")));
    const row = make("div", null, "depth");
    for (const depth of [0, 1, 2, 3]) {
      const b = make("button", depth ? String(depth) : t("focus_all"));
      b.type = "button";
      b.dataset.depth = String(depth);
      b.setAttribute("aria-pressed", String(state.depth === depth));
      b.addEventListener("click", () => { state.depth = depth; changed({ fit: true }); });
      row.appendChild(b);
      row.appendChild(document.createTextNode(" "));
    }
    box.appendChild(row);
    box.appendChild(make("div", t("focus_hint"), "hint"));
    const pathButton = make("button", t("path_button"));
    pathButton.type = "button";
    pathButton.id = "path-button";
    pathButton.addEventListener("click", () => { state.picking = true; state.pathFrom = n.id; state.pathTo = null; changed(); });
    box.appendChild(make("p")).appendChild(pathButton);
    if (state.picking) box.appendChild(make("p", t("path_pick"), "hint"));
    if (paths) {
      const result = make("div", null, "paths");
      result.id = "paths";
      result.appendChild(make("h3", paths.length === null ? t("path_none")
        : t("path_found", { n: number(paths.count), k: paths.length })));
      for (const p of paths.paths.slice(0, 10)) result.appendChild(make("div", p.map((id) => nodeLabel(byId.get(id))).join(" → "), "path"));
      if (paths.count > 10) result.appendChild(make("div", t("path_more", { n: number(paths.count - 10) }), "hint"));
      const clear = make("button", t("path_clear"));
      clear.type = "button";
      clear.addEventListener("click", () => { state.pathFrom = state.pathTo = null; state.picking = false; changed(); });
      result.appendChild(clear);
      box.appendChild(result);
    }
  }
  function detailsMetrics(box, n) {
    box.appendChild(make("h2", t("metrics")));
    const dl = make("dl");
    term(dl, t("degree"), number(n.m.degree));
    if (n.m.weighted_degree !== undefined) {
      term(dl, t("weighted_degree"), number(n.m.weighted_degree, 2));
      term(dl, t("betweenness"), number(n.m.betweenness, 3));
      // networkx's definition gives the largest component all the weight: a 0 says so (trial finding 21)
      if (n.m.eigenvector !== null) term(dl, t("eigenvector"), number(n.m.eigenvector, 3)
        + (n.m.eigenvector < 0.0005 ? " (" + t("eigenvector_hint") + ")" : ""));
      // the definition beside "yes" only: after "no" it read as the reason for the answer
      term(dl, t("broker"), n.m.broker ? t("yes") + " (" + t("broker_hint") + ")" : t("no"));
    }
    box.appendChild(dl);
    const c = DATA.clusters.find((x) => x.id === n.cluster);
    if (!c) return;
    box.appendChild(make("h2", t("cluster_metrics") + " " + c.id));
    const cl = make("dl");
    term(cl, t("cluster"), inLang(c.names, c.name));
    term(cl, t("size"), number(c.size));
    term(cl, t("members_by_type"), Object.entries(c.by_kind).map(([k, v]) => kindName(k) + " " + number(v)).join(", "));
    term(cl, t("held_together"), inLang(c.initiative_names, c.initiatives).join("; "));
    term(cl, t("funders"), inLang(c.funder_names, c.funders).join("; "));
    term(cl, t("countries"), c.countries.map(countryName).join(", "));
    box.appendChild(cl);
  }
  function detailsMoney(box, n) {
    const mine = DATA.fundings.filter((f) => f.initiative === n.id || f.funder === n.id);
    if (!mine.length) return;
    box.appendChild(make("h2", t("funding")));
    for (const f of mine) {
      const dl = make("dl");
      const about = f.approximate ? t("approximately") + " " : "";
      if (f.amount === null && f.per_year === null) term(dl, t("amount"), t("amount_unknown"));
      if (f.amount !== null) term(dl, t("amount"), about + number(f.amount, 2) + " " + f.currency);
      if (f.per_year !== null) term(dl, t("per_year"), about + number(f.per_year, 2) + " " + f.currency);
      term(dl, t("funder"), otherLabel(f.funder, f.funder_label));
      // the recipient the graph states (kg:recipient, such as a register's beneficiary), and then the
      // initiative the money is for; without one, the money goes to the initiative itself
      const recipients = (f.recipients || []).filter((r) => r.id || r.label);
      if (recipients.length) {
        const list = make("div");
        for (const r of recipients) list.appendChild(make("div", otherLabel(r.id, r.label)));
        term(dl, t("recipient"), list);
        term(dl, t("funded_initiative"), otherLabel(f.initiative, f.initiative_label));
      } else {
        term(dl, t("recipient"), otherLabel(f.initiative, f.initiative_label));
      }
      const kind = f.kinds.find((k) => k[1] === state.lang) || f.kinds[0];
      if (kind) term(dl, t("funding_kind"), kind[0] + (kind[1] && kind[1] !== state.lang ? " (" + langName(kind[1]) + ")" : ""));
      box.appendChild(dl);
      box.appendChild(sources(f.sources));
    }
  }
  function detailsRelations(box, n) {
    const posts = DATA.posts[n.id] || [];
    if (posts.length) {
      box.appendChild(make("h2", t("posts")));
      const ul = make("ul", null, "rel");
      for (const p of posts) {
        const who = p.person_label && p.person !== n.id ? otherLabel(p.person, p.person_label) + ": " : "";
        const where = p.organisation !== n.id ? ", " + otherLabel(p.organisation, p.organisation_label) : "";
        const li = make("li", who + p.roles + where);
        li.appendChild(sources(p.sources));
        ul.appendChild(li);
      }
      box.appendChild(ul);
    }
    if (!n.rel.length) return;
    box.appendChild(make("h2", n.actor ? t("relations") : t("members")));
    const ul = make("ul", null, "rel");
    for (const r of n.rel) {
      const roles = r.roles.map((x) => L.roles[x] || x).join(", ");
      const other = otherLabel(r.other, r.label);
      const when = dates(r.start, r.end);
      const li = make("li", (r.out ? roles + " " + other : other + ": " + roles) + (when ? " (" + when + ")" : ""));
      li.appendChild(sources(r.sources));
      ul.appendChild(li);
    }
    box.appendChild(ul);
  }
  function showDetails() {
    const box = el("details");
    box.replaceChildren();
    const n = state.node ? byId.get(state.node) : null;
    if (!n) { box.appendChild(make("p", t("details_empty"), "hint")); return; }
    box.appendChild(make("h2", nodeLabel(n)));
    const dl = make("dl");
    term(dl, t("type"), kindName(n.kind));
    term(dl, t("class"), n.types[state.lang] || n.type);
    if (n.cluster) term(dl, t("cluster"), clusterName(n.cluster));
    if (n.actor) term(dl, t("country"), countryName(n.country));
    term(dl, t("area"), areaName(n));
    term(dl, t("dates"), dates(n.start, n.end));
    if (n.names.length) {
      const list = make("div");
      for (const [name, tag] of n.names) list.appendChild(make("div", name + (tag ? " (" + langName(tag) + ")" : "")));
      term(dl, t("names"), list);
    }
    box.appendChild(dl);
    detailsFocus(box, n);
    detailsMetrics(box, n);
    detailsMoney(box, n);
    detailsRelations(box, n);
    if (n.iri) box.appendChild(make("p", n.iri, "fid"));
  }

  // ---------------------------------------------------------------- the view in the URL fragment
  let lastHash = "";
  function toHash() {
    const p = new URLSearchParams();
    p.set("lang", state.lang);
    p.set("mode", state.mode);
    p.set("color", state.color);
    if (state.node) p.set("node", byId.get(state.node).key);
    if (state.depth) p.set("depth", String(state.depth));
    if (state.year !== null) p.set("year", String(state.year));
    const hide = [];
    for (const facet of ["type", "cluster", "country"]) for (const v of [...state.hidden[facet]].sort()) hide.push(facet + ":" + v);
    if (hide.length) p.set("hide", hide.join(","));
    if (state.pathFrom && state.pathTo) p.set("path", byId.get(state.pathFrom).key + "~" + byId.get(state.pathTo).key);
    return p.toString();
  }
  function writeHash() {
    const hash = toHash();
    if (hash === lastHash) return;
    lastHash = hash;
    try { history.replaceState(null, "", "#" + hash); } catch (err) { /* a sandboxed frame has no history */ }
  }
  function readHash() {
    const raw = location.hash.replace(/^#/, "");
    if (!raw || raw === lastHash) return false;
    const p = new URLSearchParams(raw);
    if (DATA.i18n[p.get("lang")]) state.lang = p.get("lang");
    if (p.get("mode") === "actors" || (p.get("mode") === "both" && hasInitiatives)) state.mode = p.get("mode");
    if (["type", "cluster", "country"].includes(p.get("color"))) state.color = p.get("color");
    const node = byKey.get(p.get("node") || "");
    state.node = node ? node.id : null;
    state.depth = Math.max(0, Math.min(3, parseInt(p.get("depth") || "0", 10) || 0));
    const year = parseInt(p.get("year") || "", 10);
    state.year = yearIndex.has(year) ? year : null;
    state.hidden = { type: new Set(), cluster: new Set(), country: new Set() };
    for (const item of (p.get("hide") || "").split(",")) {
      const at = item.indexOf(":");
      if (at > 0 && state.hidden[item.slice(0, at)]) state.hidden[item.slice(0, at)].add(item.slice(at + 1));
    }
    const [a, b] = (p.get("path") || "").split("~");
    state.pathFrom = byKey.has(a) ? byKey.get(a).id : null;
    state.pathTo = byKey.has(b) ? byKey.get(b).id : null;
    return true;
  }

  // ---------------------------------------------------------------- the controls
  function staticText() {
    L = DATA.i18n[state.lang];
    document.documentElement.lang = state.lang;
    el("title").textContent = DATA.title || t("title");
    document.title = DATA.title || t("title");
    el("lang-label").textContent = t("language");
    el("mode-label").textContent = t("mode") + ":";
    el("mode-actors-label").textContent = t("mode_actors");
    el("mode-both-label").textContent = t("mode_both");
    el("colour-label").textContent = t("colour_by");
    const colour = el("colour");
    colour.replaceChildren();
    for (const value of ["type", "cluster", "country"]) {
      const option = make("option", t(value));
      option.value = value;
      colour.appendChild(option);
    }
    colour.value = state.color;
    el("fit").textContent = t("fit");
    el("physics").textContent = physics ? t("physics_off") : t("physics_on");
    el("save").textContent = t("save_picture");
    el("search-heading").textContent = t("search");
    el("search").placeholder = t("search_placeholder");
    el("year-heading").textContent = t("year");
    el("all-years-label").textContent = t("all_years");
    el("year-hint").textContent = t("year_hint");
    el("legend-heading").textContent = t("legend");
    el("filters-heading").textContent = t("filters");
    const notes = el("notes");
    notes.replaceChildren();
    for (const note of DATA.notes) {
      notes.appendChild(make("p", t(note.key, Object.assign({}, note, { measure: t("measure_" + note.measure) || note.measure })), "note"));
    }
    if (el("search").value) search(el("search").value);
  }
  function controls() {
    el("lang").value = state.lang;
    el("mode-actors").checked = state.mode === "actors";
    el("mode-both").checked = state.mode === "both";
    el("mode-both").disabled = !hasInitiatives;
    el("colour").value = state.color;
    el("year-box").style.display = DATA.years.length ? "" : "none";
    el("all-years").checked = state.year === null;
    el("year").disabled = state.year === null;
    el("year").max = String(Math.max(0, DATA.years.length - 1));
    el("year").value = String(state.year === null ? DATA.years.length - 1 : yearIndex.get(state.year));
    el("year-value").textContent = state.year === null ? "" : String(state.year);
  }
  let lastLang = null;
  let lastColor = DATA.color_by;  // the colours the network was created with
  function changed(options) {
    if (state.lang !== lastLang) { staticText(); drawFilters(); }
    if (state.lang !== lastLang || state.color !== lastColor) drawLegend();
    if (state.color !== lastColor) painted.clear();
    lastLang = state.lang;
    lastColor = state.color;
    updatePaths();
    refresh();
    controls();
    showDetails();
    for (const input of el("filters").querySelectorAll("input")) input.checked = !state.hidden[input.dataset.facet].has(input.dataset.value);
    network.selectNodes(state.node && visible.nodes.has(state.node) ? [state.node] : []);
    if (options && options.fit) fitView();
    window.kgSelected = state.node;
    window.kgState = JSON.parse(JSON.stringify(Object.assign({}, state, {
      hidden: Object.fromEntries(Object.entries(state.hidden).map(([k, v]) => [k, [...v].sort()])),
      node: state.node ? byId.get(state.node).key : null,
    })));
    writeHash();
    scheduleDraw();
  }
  let drawPending = false;
  function scheduleDraw() {  // one drawing per frame, however many changes came before it
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(() => { drawPending = false; network.redraw(); });
  }
  function fitView() {
    const ids = [...visible.nodes];
    const options = { animation: false, maxZoomLevel: 2 };  // a small neighbourhood is drawn large
    if (ids.length) network.fit(Object.assign({ nodes: ids }, options)); else network.fit(options);
  }
  for (const lang of Object.keys(DATA.i18n)) {
    const option = make("option", DATA.endonyms[lang] || lang);
    option.value = lang;
    el("lang").appendChild(option);
  }
  el("lang").addEventListener("change", (ev) => { state.lang = ev.target.value; changed(); });
  for (const id of ["mode-actors", "mode-both"]) {
    el(id).addEventListener("change", (ev) => { if (ev.target.checked) { state.mode = ev.target.value; changed({ fit: true }); } });
  }
  el("colour").addEventListener("change", (ev) => { state.color = ev.target.value; changed(); });
  let physics = false;
  el("physics").addEventListener("click", () => {
    physics = !physics;
    network.setOptions({ physics: { enabled: physics } });
    el("physics").textContent = physics ? t("physics_off") : t("physics_on");
  });
  el("fit").addEventListener("click", fitView);
  el("all-years").addEventListener("change", (ev) => {
    state.year = ev.target.checked ? null : DATA.years[parseInt(el("year").value, 10)];
    changed();
  });
  el("year").addEventListener("input", (ev) => { state.year = DATA.years[parseInt(ev.target.value, 10)]; changed(); });

  function select(id) {
    if (state.picking && state.pathFrom && id && id !== state.pathFrom) {
      state.pathTo = id;
      state.picking = false;
      changed();
      return;
    }
    state.node = id;
    state.picking = false;
    state.pathFrom = state.pathTo = null;
    changed();
    if (id && visible.nodes.has(id)) {
      if (state.depth > 0) fitView(); else network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: false });
    }
  }
  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0]);
    else if (!params.edges.length && !state.picking) { state.depth = 0; select(null); }
  });

  // ---------------------------------------------------------------- search by any name, ignoring case and diacritics
  const index = DATA.nodes.map((n) => ({ id: n.id, keys: [n.label, ...Object.values(n.labels), ...n.names.map((x) => x[0])].map(fold) }));
  // how well a folded name matches the folded text: 0 the whole name, 1 its start, 2 the start of a
  // word, 3 anywhere else; -1 not at all ("Pajala" is Pajala before "Konepajalaitteiden hankinta.")
  function matchRank(key, q) {
    if (key === q) return 0;
    for (let i = key.indexOf(q); i >= 0; i = key.indexOf(q, i + 1)) {
      if (i === 0) return 1;
      if (/[^\p{L}\p{N}]/u.test(key[i - 1])) return 2;
    }
    return key.includes(q) ? 3 : -1;
  }
  // every node that matches, best first: by how well its best name matches, actors before initiatives,
  // then the more connected, then by name; Enter takes the first
  function ranked(q) {
    const found = [];
    for (const e of index) {
      let best = -1;
      for (const k of e.keys) {
        const r = matchRank(k, q);
        if (r >= 0 && (best < 0 || r < best)) best = r;
      }
      if (best >= 0) found.push({ entry: e, rank: best });
    }
    const degree = (id) => (byId.get(id).m || {}).degree || 0;
    found.sort((a, b) => a.rank - b.rank
      || (byId.get(b.entry.id).actor ? 1 : 0) - (byId.get(a.entry.id).actor ? 1 : 0)
      || degree(b.entry.id) - degree(a.entry.id)
      || natural(nodeLabel(byId.get(a.entry.id)), nodeLabel(byId.get(b.entry.id))));
    return found.map((f) => f.entry);
  }
  function search(textValue) {
    const q = fold(textValue.trim());
    const results = el("results");
    results.replaceChildren();
    if (!q) return [];
    const hits = ranked(q).slice(0, 30);
    for (const hit of hits) {
      const b = make("button", nodeLabel(byId.get(hit.id)));
      b.type = "button";
      b.addEventListener("click", () => select(hit.id));
      results.appendChild(b);
    }
    if (!hits.length) results.appendChild(make("p", t("no_results"), "hint"));
    return hits;
  }
  el("search").addEventListener("input", (ev) => search(ev.target.value));
  el("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const hits = search(ev.target.value);
      if (hits.length) select(hits[0].id);
    }
  });

  // ---------------------------------------------------------------- save picture (PNG of the current view)
  function picture() {
    const canvas = el("network").querySelector("canvas");
    const ratio = canvas.width / canvas.clientWidth;
    const out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    ctx.scale(ratio, ratio);
    ctx.font = ruler.font;
    ctx.textBaseline = "top";
    for (const [x0, y0, textValue] of shown.values()) {
      ctx.fillStyle = "rgba(255,255,255,0.78)";
      ctx.fillRect(x0, y0, widthOf(textValue), LABEL_H);
      ctx.fillStyle = "#1d2733";
      ctx.fillText(textValue, x0 + PAD / 2, y0 + 1.5);
    }
    ctx.font = "bold 15px system-ui, sans-serif";
    ctx.fillText(DATA.title || t("title"), 10, 8);
    ctx.font = ruler.font;
    ctx.fillText(el("counts").textContent + (state.year !== null ? " · " + t("year") + " " + state.year : ""), 10, 28);
    let y = 48;
    const kinds = new Set([...visible.nodes].map((id) => byId.get(id).kind));
    for (const item of DATA.legend) {
      if (!kinds.has(item.kind)) continue;
      ctx.fillStyle = state.color === "type" ? item.color : OTHER;
      ctx.fillRect(10, y + 3, 10, 10);
      ctx.fillStyle = "#1d2733";
      ctx.fillText(kindName(item.kind), 26, y);
      y += 16;
    }
    return out.toDataURL("image/png");
  }
  el("save").addEventListener("click", () => {
    const link = document.createElement("a");
    link.href = picture();
    link.download = t("picture_name") + ".png";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  // ---------------------------------------------------------------- start
  window.addEventListener("hashchange", () => { if (readHash()) { changed({ fit: state.depth > 0 }); } });
  window.addEventListener("resize", scheduleDraw);
  readHash();
  changed();
  fitView();
  if (state.node && state.depth === 0 && visible.nodes.has(state.node)) {
    network.focus(state.node, { scale: Math.max(network.getScale(), 1.1), animation: false });
  }
  window.kg = {
    select: (key) => select(key && byKey.has(key) ? byKey.get(key).id : null),
    setDepth: (depth) => { state.depth = depth; changed({ fit: true }); },
    setYear: (year) => { state.year = year; changed(); },
    setLang: (lang) => { state.lang = lang; changed(); },
    setMode: (mode) => { state.mode = mode; changed({ fit: true }); },
    paths: (a, b) => { state.node = byKey.get(a).id; state.pathFrom = byKey.get(a).id; state.pathTo = byKey.get(b).id; state.picking = false; changed(); },
    visibleNodes: () => [...visible.nodes].map((id) => byId.get(id).key).sort(),
    visibleEdges: () => visible.edges.map((e) => [byId.get(e.from).key, byId.get(e.to).key]),
    picture: picture,
    matchRank: matchRank,  // the search box's order, for the tests
  };
  network.once("afterDrawing", () => { window.kgReady = performance.now(); });
  network.redraw();
})();
