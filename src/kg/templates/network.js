// samverkan-kg network page. Every text from the data goes through textContent (never innerHTML),
// so labels and tooltips are shown as text and cannot run script.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("graph-data").textContent);
  const T = DATA.text;
  const el = (id) => document.getElementById(id);
  function make(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function fold(s) {
    return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/ŋ/g, "n").replace(/ŧ/g, "t").replace(/ø/g, "o").replace(/æ/g, "ae");
  }
  function tooltip(text) {  // vis-network shows an Element as is: build it from text only
    const div = make("div", text);
    div.style.whiteSpace = "pre-line";
    div.style.maxWidth = "360px";
    return div;
  }

  el("title").textContent = DATA.title;
  document.title = DATA.title;
  el("meta").textContent = DATA.meta;
  el("search-heading").textContent = T.search;
  el("search").placeholder = T.search_placeholder;
  el("legend-heading").textContent = T.legend + " (" + DATA.color_by_label + ")";
  el("size-legend").textContent = DATA.size_legend;
  el("details-empty").textContent = T.details_empty;
  for (const note of DATA.notes) el("notes").appendChild(make("p", note, "note"));

  const nodes = new vis.DataSet(DATA.nodes.map((n) => Object.assign({}, n.vis, {
    id: n.id, label: n.label, title: tooltip(n.tooltip), x: n.x, y: n.y,
  })));
  const edges = new vis.DataSet(DATA.edges.map((e, i) => Object.assign({}, e.vis, {
    id: "e" + i, from: e.from, to: e.to, title: tooltip(e.tooltip),
  })));
  const byId = new Map(DATA.nodes.map((n) => [n.id, n]));
  const options = DATA.options;
  const network = new vis.Network(el("network"), { nodes: nodes, edges: edges }, options);
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  let physics = false;
  el("physics").textContent = T.physics_on;
  el("physics").addEventListener("click", () => {
    physics = !physics;
    network.setOptions({ physics: { enabled: physics } });
    el("physics").textContent = physics ? T.physics_off : T.physics_on;
  });
  el("fit").textContent = T.fit;
  el("fit").addEventListener("click", () => network.fit({ animation: false }));

  // ---- legend and filters
  const hidden = { type: new Set(), cluster: new Set(), country: new Set() };
  for (const item of DATA.legend) {
    const row = make("div");
    const sw = make("span", null, "swatch");
    sw.style.background = item.color;
    row.appendChild(sw);
    row.appendChild(document.createTextNode(item.label + " (" + item.count + ")"));
    el("legend").appendChild(row);
  }
  function applyFilters() {
    const updates = [];
    for (const n of DATA.nodes) {
      const hide = hidden.type.has(n.type) || hidden.cluster.has(n.cluster) || hidden.country.has(n.country);
      updates.push({ id: n.id, hidden: hide });
    }
    nodes.update(updates);
    window.kgVisibleCount = updates.filter((u) => !u.hidden).length;
  }
  for (const facet of ["type", "cluster", "country"]) {
    const values = DATA.facets[facet];
    if (!values.length) continue;
    el("filters").appendChild(make("h2", T["filter_" + facet]));
    for (const v of values) {
      const label = make("label", null, "filter");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.facet = facet;
      box.dataset.value = v.value;
      box.addEventListener("change", () => {
        if (box.checked) hidden[facet].delete(v.value); else hidden[facet].add(v.value);
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + v.label + " (" + v.count + ")"));
      el("filters").appendChild(label);
    }
  }
  window.kgVisibleCount = DATA.nodes.length;

  // ---- neighbourhood highlight and details
  const baseColors = new Map(DATA.nodes.map((n) => [n.id, n.vis.color]));
  function highlight(id) {
    const keep = new Set([id, ...network.getConnectedNodes(id)]);
    nodes.update(DATA.nodes.map((n) => ({ id: n.id, color: keep.has(n.id) ? baseColors.get(n.id) : "#dfe3e8" })));
  }
  function clearHighlight() {
    nodes.update(DATA.nodes.map((n) => ({ id: n.id, color: baseColors.get(n.id) })));
  }
  function showDetails(id) {
    const n = byId.get(id);
    const box = el("details");
    box.replaceChildren();
    if (!n) { box.appendChild(make("p", T.details_empty)); return; }
    box.appendChild(make("h2", n.label));
    const dl = make("dl");
    const add = (term, value) => { if (!value) return; dl.appendChild(make("dt", term)); dl.appendChild(make("dd", value)); };
    add(T.type, n.type_label);
    add(T.cluster, n.cluster_label);
    add(T.country, n.country);
    add(T.area, n.area_label);
    add(T.dates, n.dates);
    if (n.names.length) {
      dl.appendChild(make("dt", T.names));
      const dd = make("dd");
      for (const nm of n.names) dd.appendChild(make("div", nm));
      dl.appendChild(dd);
    }
    box.appendChild(dl);
    for (const group of n.relations) {
      box.appendChild(make("h2", group.title));
      const ul = make("ul", null, "rel");
      for (const r of group.items) {
        const li = make("li", r.text);
        if (r.sources) li.appendChild(make("div", T.sources + ": " + r.sources, "src"));
        ul.appendChild(li);
      }
      box.appendChild(ul);
    }
    if (n.iri) box.appendChild(make("p", n.iri, "src"));
  }
  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    highlight(id);
    showDetails(id);
    window.kgSelected = id;
  }
  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0]);
    else { clearHighlight(); showDetails(null); window.kgSelected = null; }
  });

  // ---- search by any name, in any language, ignoring case and diacritics
  const index = DATA.nodes.map((n) => ({ id: n.id, keys: [n.label, ...n.names].map(fold) }));
  function search(text) {
    const q = fold(text.trim());
    const results = el("results");
    results.replaceChildren();
    if (!q) return [];
    const hits = index.filter((e) => e.keys.some((k) => k.includes(q))).slice(0, 30);
    for (const hit of hits) {
      const b = make("button", byId.get(hit.id).label);
      b.type = "button";
      b.addEventListener("click", () => select(hit.id));
      results.appendChild(b);
    }
    if (!hits.length) results.appendChild(make("p", T.no_results, "src"));
    return hits;
  }
  el("search").addEventListener("input", (ev) => search(ev.target.value));
  el("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const hits = search(ev.target.value);
      if (hits.length) select(hits[0].id);
    }
  });
  network.once("afterDrawing", () => { window.kgReady = performance.now(); });
})();
