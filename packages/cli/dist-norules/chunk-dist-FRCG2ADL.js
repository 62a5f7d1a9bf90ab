import {
  CONSOLE_WIDTH,
  EXCLUDED_SHOWN,
  areaOf,
  clip,
  compareAdrSections,
  compareByPriority,
  compareVerdicts,
  count,
  dependsOnText,
  describeGate,
  exclusionLabel,
  exclusionSummary,
  failsGate,
  firstSentence,
  formatObserved,
  formatPosition,
  pascalCase,
  placeFinding,
  rulesById,
  sortedVerdicts,
  splitAdrSection,
  stateOf,
  targetLabel,
  targetRows,
  targetState,
  terminalSafe,
  toConsole,
  verdictsByRule,
  verdictsInOrder,
  wrapLine
} from "./chunk-chunk-66CG5AVU.js";
import {
  ADR_001,
  CONCERNS,
  PRIORITIES,
  compactPassCount,
  getAdr001Section,
  passSetRuleId,
  priorityRank,
  summarize
} from "./chunk-chunk-KBIY7DDS.js";
import {
  LAYERS
} from "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/reporters/dist/html.js
import { createHash } from "node:crypto";

// packages/reporters/dist/page.generated.js
var PAGE_STYLE = ':root{--fg: #1f2328;--muted: #59636e;--bg: #fff;--soft: #f6f8fa;--line: #d0d7de;--link: #0550ae;--focus: #0969da;color-scheme:light}*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,DejaVu Sans,sans-serif;color:var(--fg);background:var(--bg)}code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,monospace;font-size:.88em}code{overflow-wrap:anywhere}a{color:var(--link)}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}.wrap{max-width:1200px;margin:0 auto;padding:0 16px}.print-only{display:none}.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}.skip{position:absolute;left:8px;top:-48px;background:var(--fg);color:#fff;padding:8px 12px;z-index:10;border-radius:4px}.skip:focus{top:8px}.sprite{position:absolute;width:0;height:0;overflow:hidden}.ico{width:1em;height:1em;vertical-align:-.15em;flex:none}.assumed{margin:0;padding:8px 16px;background:#fff8c5;color:#1f2328;border-bottom:1px solid #d4a72c}.banner{background:#24292f;color:#fff;padding:16px 0 0}.banner-in{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:center;justify-content:space-between}.banner h1{margin:0;font-size:1.5rem;line-height:1.25}.banner .kicker{margin:0;color:#d1d9e0;font-size:.85rem}.banner .env{font-family:ui-monospace,Menlo,Consolas,DejaVu Sans Mono,monospace}.gate{display:inline-flex;gap:8px;align-items:center;margin:0;padding:6px 14px;border-radius:999px;font-weight:700;font-size:1.05rem;background:#fff;color:var(--fg)}.gate-failed.gate{color:#82071e}.gate-passed.gate{color:#0f5323}.gate-incomplete.gate{color:#6c3b00}.toc ul{list-style:none;margin:12px auto 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 18px}.toc a{color:#fff;display:inline-block;padding:8px 0;text-decoration:none;border-bottom:3px solid transparent}.toc a:hover,.toc a:focus-visible{border-bottom-color:#fff}main{display:block}section{margin:28px 0}h2{font-size:1.3rem;margin:0 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}h3{font-size:1rem;margin:0 0 8px}.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}.card{border:1px solid var(--line);border-radius:8px;padding:14px 16px;background:var(--bg)}.gate-line{font-size:1.05rem;margin:0 0 6px}.gate-line.gate-failed strong{color:#a40e26}.gate-line.gate-passed strong{color:#116329}.gate-line.gate-incomplete strong{color:#7d4e00}.tallies{list-style:none;padding:0;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:8px}.tally{display:inline-flex;align-items:center;gap:6px;border:1px solid var(--line);border-radius:6px;padding:4px 10px;text-decoration:none;color:var(--fg);background:var(--soft)}.tally .n{font-weight:700;font-size:1.1rem}.tally:hover{border-color:var(--focus)}.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}.facts dt{color:var(--muted);font-weight:600}.facts dd{margin:0;min-width:0}.note{color:var(--muted);font-size:.9rem}.sub{display:block;color:var(--muted);font-size:.85rem;font-weight:400}.sub-inline{color:var(--muted)}.nowrap{white-space:nowrap}table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding:6px 0}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}thead th{background:var(--soft);font-size:.9rem}.plain{margin:8px 0}.scroll{overflow-x:auto}.claim{display:flex;flex-wrap:wrap;gap:6px 24px;font-size:1.05rem}.chart{margin:8px 0 16px}.chart figcaption{font-weight:600;margin-bottom:4px}.bars{max-width:100%;height:auto}.svg-label{font:700 14px system-ui,DejaVu Sans,sans-serif;fill:#1f2328}.svg-text{font:13px system-ui,DejaVu Sans,sans-serif;fill:#1f2328}.legend{list-style:none;padding:0;margin:4px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.88rem}.checklist th[scope=row]{font-weight:600;min-width:14em}.checklist th[scope=row] a{font-weight:600}.pct{font-variant-numeric:tabular-nums}.pbar{vertical-align:middle;margin-right:6px}.errors{border:2px solid #8250df;border-radius:8px;padding:12px 16px;background:#fbefff}.errors h2{border-bottom-color:#c297ff}.error-list{margin:0;padding-left:0;list-style:none}.error-list li{margin:6px 0}.filters{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 10px;background:var(--soft)}.filters[hidden]{display:none}.group{border:0;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center}.group legend{font-weight:600;float:left;margin-right:10px;padding:0}.check{display:inline-flex;gap:4px;align-items:center;min-height:32px;cursor:pointer}.check input{width:18px;height:18px;margin:0}.count{color:var(--muted);font-variant-numeric:tabular-nums}.selects{display:flex;flex-wrap:wrap;gap:8px 16px}.field{display:flex;flex-direction:column;gap:2px;min-width:12em;flex:1 1 12em}.field label{font-weight:600;font-size:.9rem}select,input[type=search]{font:inherit;padding:6px 8px;border:1px solid #8c959f;border-radius:6px;background:#fff;color:var(--fg);min-height:36px;max-width:100%}button{font:inherit;color:var(--fg);background:#fff;border:1px solid #8c959f;border-radius:6px;padding:5px 12px;cursor:pointer;min-height:34px}button:hover{background:#eaeef2}.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}.shown{font-weight:600;margin:6px 0}.findings{table-layout:auto}.findings thead th{padding:0}.sort{all:unset;display:block;padding:8px;cursor:pointer;font-weight:700;width:100%;box-sizing:border-box;white-space:nowrap}.sort:focus-visible{outline:3px solid var(--focus);outline-offset:-3px}th[aria-sort=ascending] .arrow:after{content:" \\25b2"}th[aria-sort=descending] .arrow:after{content:" \\25bc"}tbody.finding.off{display:none}.row td{border-bottom:0}tbody.finding{border-bottom:1px solid var(--line)}.toggle{all:unset;cursor:pointer;display:flex;gap:6px;align-items:flex-start;color:var(--link);font-weight:600}.toggle:hover .msg{text-decoration:underline}.toggle:focus-visible{outline:3px solid var(--focus);outline-offset:2px}.chev:before{content:"\\25b6";display:inline-block;font-size:.7em;margin-top:.35em;transition:transform .1s}.toggle[aria-expanded=true] .chev:before{transform:rotate(90deg)}.res{font-size:.82rem}.badge,.pri{display:inline-flex;align-items:center;gap:4px;border-radius:999px;padding:1px 9px;font-size:.82rem;font-weight:600;white-space:nowrap}.pri{color:#fff}.pri-P0{background:#a40e26}.pri-P1{background:#953800}.pri-P2{background:#424a53}.v-fail{background:#ffebe9;color:#82071e}.v-baseline{background:#fff1e5;color:#762c00}.v-suppressed{background:#fff8c5;color:#6c3b00}.v-error{background:#fbefff;color:#512a97}.v-skip{background:#eaeef2;color:#32383f}.v-pass{background:#dafbe1;color:#0f5323}.detail td{padding:0 8px 14px}.detail-body{border-left:4px solid var(--line);padding:4px 0 4px 14px;max-width:100%;overflow-wrap:anywhere}.message{font-size:1rem;margin:4px 0 10px}.concerns{margin:0;padding-left:18px}.evidence{font-size:.9rem}.fix h3{margin:14px 0 6px;font-size:.95rem}.cmd{display:flex;gap:8px;align-items:flex-start;margin:6px 0}.cmd pre{flex:1;min-width:0;margin:0;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px 10px;overflow-x:auto;white-space:pre}.copy{flex:none}.copy.copied{border-color:#1a7f37;color:#0f5323}.empty{padding:16px;border:1px dashed var(--line);border-radius:8px;text-align:center}footer{border-top:1px solid var(--line);margin-top:32px;padding:14px 0 28px;color:var(--muted);font-size:.88rem}@media(max-width:720px){body{font-size:14px}.banner h1{font-size:1.2rem}.findings thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.findings,.findings tbody,.findings tr,.findings td{display:block;width:100%}.findings tbody.finding.off,.findings tr.detail[hidden]{display:none}.findings .row{display:grid;grid-template-columns:auto minmax(0,1fr);gap:2px 8px;padding:8px 0}.findings .row td,.toggle,.toggle .msg{min-width:0;overflow-wrap:anywhere}.findings .row td{padding:2px 0;border:0}.findings .row td[data-label=Finding],.findings .row td[data-label=Resource],.findings .row td[data-label=Location]{grid-column:1 / -1}.findings .row td[data-label=Resource]:before,.findings .row td[data-label=Location]:before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}.detail td{padding:0 0 12px}.facts{grid-template-columns:1fr}.facts dt{margin-top:6px}.cmd{flex-direction:column}.cmd pre{white-space:pre-wrap;overflow-wrap:anywhere;overflow-x:visible}.checklist thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.checklist,.checklist tbody,.checklist tr,.checklist th,.checklist td{display:block;width:auto}.checklist tr{padding:8px 0;border-bottom:1px solid var(--line)}.checklist th,.checklist td{border:0;padding:2px 0}.checklist th[scope=row]{min-width:0}.checklist td.nowrap{white-space:normal}.checklist td[data-label]:before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}}@media print{body{font-size:11pt;color:#000}.banner{background:#fff;color:#000;border-bottom:2px solid #000;padding-bottom:8px}.banner .kicker{color:#000}.toc,.filters,.actions,.copy,.skip,#none-shown,#shown,.jump,.arrow{display:none!important}.gate{border:1px solid #000}tbody.finding,tbody.finding.off{display:table-row-group!important}tr.detail,tr.detail[hidden]{display:table-row!important}tbody.finding[data-verdict=pass],tbody.finding[data-verdict=skip]{display:none!important}html.print-passes tbody.finding[data-verdict=pass],html.print-passes tbody.finding[data-verdict=skip]{display:table-row-group!important}.print-only{display:block!important}html.print-passes .print-only{display:none!important}.toggle{color:#000}.chev{display:none}tbody.finding{break-inside:avoid}.cmd pre{white-space:pre-wrap;overflow:visible}.scroll{overflow:visible}a{color:#000}.badge,.pri,.pbar,.bars,.ico{-webkit-print-color-adjust:exact;print-color-adjust:exact}section{break-inside:auto}h2{break-after:avoid}}\n';
var PAGE_SCRIPT = '(() => {\n  const STATES = ["fail", "assumed", "baseline", "suppressed", "error", "unknown", "skip", "pass"];\n  const DEFAULT_V = ["fail", "error"];\n  const PRIORITIES = ["P0", "P1", "P2"];\n  const SELECTS = ["layer", "concern", "section"];\n  const findingsTable = document.getElementById("findings-table");\n  const filterForm = document.getElementById("filters");\n  if (findingsTable && filterForm instanceof HTMLFormElement) start(findingsTable, filterForm);\n  function start(table, form) {\n    const doc = document;\n    const byId = (id) => {\n      const el = doc.getElementById(id);\n      if (!el) throw new Error(`the report has no #${id}`);\n      return el;\n    };\n    const select = (name) => form.elements.namedItem(name);\n    const search = form.elements.namedItem("q");\n    const rows = Array.from(table.querySelectorAll("tbody.finding"), (b) => ({\n      el: b,\n      p: b.getAttribute("data-priority") ?? "",\n      v: b.getAttribute("data-verdict") ?? "",\n      layer: b.getAttribute("data-layer") ?? "",\n      concern: (b.getAttribute("data-concerns") || "").split(" ").filter(Boolean),\n      section: (b.getAttribute("data-sections") || "").split("|").filter(Boolean),\n      search: b.getAttribute("data-search") || "",\n      order: Number(b.getAttribute("data-order")),\n      rule: b.getAttribute("data-rule") || "",\n      resource: b.getAttribute("data-resource") || "",\n      location: b.getAttribute("data-location") || ""\n    }));\n    let state;\n    function defaults() {\n      return {\n        p: PRIORITIES.slice(),\n        v: DEFAULT_V.slice(),\n        layer: "",\n        concern: "",\n        section: "",\n        q: "",\n        sort: "priority",\n        desc: false\n      };\n    }\n    const same = (a, b) => a.length === b.length && a.every((x) => b.includes(x));\n    function parseHash() {\n      const hash = location.hash.replace(/^#/, "");\n      if (!hash.includes("=")) return null;\n      const s = defaults();\n      for (const pair of hash.split("&")) {\n        const at = pair.indexOf("=");\n        if (at < 0) continue;\n        const key = pair.slice(0, at);\n        let value;\n        try {\n          value = decodeURIComponent(pair.slice(at + 1));\n        } catch {\n          continue;\n        }\n        if (key === "p") s.p = value.split(",").filter((x) => PRIORITIES.includes(x));\n        else if (key === "v") s.v = value === "all" ? STATES.slice() : value.split(",").filter((x) => STATES.includes(x));\n        else if (key === "q") s.q = value;\n        else if (key === "sort") {\n          s.desc = value.charAt(0) === "-";\n          s.sort = value.replace(/^-/, "") || "priority";\n        } else if (SELECTS.includes(key)) s[key] = value;\n      }\n      return s;\n    }\n    function hashOf(s) {\n      const d = defaults();\n      const parts = [];\n      if (!same(s.p, d.p)) parts.push(`p=${encodeURIComponent(s.p.join(","))}`);\n      if (!same(s.v, d.v)) parts.push(`v=${encodeURIComponent(s.v.join(","))}`);\n      for (const k of SELECTS) if (s[k]) parts.push(`${k}=${encodeURIComponent(s[k])}`);\n      if (s.q) parts.push(`q=${encodeURIComponent(s.q)}`);\n      if (s.sort !== "priority" || s.desc) parts.push(`sort=${s.desc ? "-" : ""}${s.sort}`);\n      return parts.join("&");\n    }\n    function writeHash(s) {\n      const h = hashOf(s);\n      const url = location.href.split("#")[0] + (h ? `#${h}` : "");\n      try {\n        history.replaceState(null, "", url);\n      } catch {\n        location.hash = h;\n      }\n    }\n    function matches(r, s, skip) {\n      if (skip !== "p" && !s.p.includes(r.p)) return false;\n      if (skip !== "v" && !s.v.includes(r.v)) return false;\n      if (skip !== "layer" && s.layer && r.layer !== s.layer) return false;\n      if (skip !== "concern" && s.concern && !r.concern.includes(s.concern)) return false;\n      if (skip !== "section" && s.section && !r.section.includes(s.section)) return false;\n      if (skip !== "q" && s.q && !r.search.includes(s.q.toLowerCase())) return false;\n      return true;\n    }\n    function checked(name) {\n      return Array.from(form.querySelectorAll(`input[name="${name}"]`)).filter((i) => i.checked).map((i) => i.value);\n    }\n    function readForm() {\n      const s = defaults();\n      s.p = checked("p");\n      s.v = checked("v");\n      for (const k of SELECTS) s[k] = select(k).value;\n      s.q = search.value.trim();\n      s.sort = state ? state.sort : "priority";\n      s.desc = state ? state.desc : false;\n      return s;\n    }\n    function writeForm(s) {\n      for (const i of form.querySelectorAll("input[type=checkbox]")) {\n        i.checked = (i.name === "p" ? s.p : s.v).includes(i.value);\n      }\n      for (const k of SELECTS) {\n        const sel = select(k);\n        if (!Array.from(sel.options).some((o) => o.value === s[k])) s[k] = "";\n        sel.value = s[k];\n      }\n      search.value = s.q;\n    }\n    const SORT_KEYS = {\n      priority: (r) => r.order,\n      verdict: (r) => STATES.indexOf(r.v),\n      rule: (r) => r.rule,\n      resource: (r) => r.resource,\n      location: (r) => r.location\n    };\n    function sortRows(s) {\n      const key = SORT_KEYS[s.sort] ?? SORT_KEYS.priority;\n      const sorted = rows.slice().sort((a, b) => {\n        const ka = key(a);\n        const kb = key(b);\n        let c = ka < kb ? -1 : ka > kb ? 1 : 0;\n        if (s.desc) c = -c;\n        return c || a.order - b.order;\n      });\n      for (const r of sorted) table.appendChild(r.el);\n      for (const th of table.querySelectorAll("th")) {\n        const b = th.querySelector(".sort");\n        if (!b) continue;\n        if (b.getAttribute("data-sort") === s.sort) th.setAttribute("aria-sort", s.desc ? "descending" : "ascending");\n        else th.removeAttribute("aria-sort");\n      }\n    }\n    const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;\n    function apply(s) {\n      let shown = 0;\n      for (const r of rows) {\n        const ok = matches(r, s, null);\n        r.el.classList.toggle("off", !ok);\n        if (ok) shown++;\n      }\n      for (const g of ["p", "v"]) {\n        for (const span of form.querySelectorAll(`fieldset[data-group="${g}"] .count`)) {\n          const value = span.getAttribute("data-count-for");\n          const n = rows.filter((r) => r[g] === value && matches(r, s, g)).length;\n          span.textContent = `(${n})`;\n        }\n      }\n      for (const g of SELECTS) {\n        for (const o of select(g).options) {\n          if (!o.value) continue;\n          const n = rows.filter((r) => {\n            const v = r[g];\n            return (Array.isArray(v) ? v.includes(o.value) : v === o.value) && matches(r, s, g);\n          }).length;\n          o.textContent = `${o.getAttribute("data-label")} (${n})`;\n        }\n      }\n      sortRows(s);\n      const shownLine = byId("shown");\n      shownLine.textContent = `Showing ${shown} of ${plural(rows.length, "check", "checks")}`;\n      shownLine.setAttribute("data-shown", String(shown));\n      byId("none-shown").hidden = shown > 0 || rows.length === 0;\n    }\n    function setState(s, updateHash) {\n      state = s;\n      writeForm(s);\n      apply(s);\n      if (updateHash) writeHash(s);\n    }\n    function expand(body, open) {\n      const button = body?.querySelector(".toggle");\n      const detail = body?.querySelector("tr.detail");\n      if (!button || !detail) return;\n      button.setAttribute("aria-expanded", open ? "true" : "false");\n      detail.hidden = !open;\n    }\n    const showEverything = () => {\n      const s = defaults();\n      s.v = STATES.slice();\n      setState(s, true);\n    };\n    form.hidden = false;\n    form.addEventListener("submit", (ev) => ev.preventDefault());\n    form.addEventListener("change", () => setState(readForm(), true));\n    search.addEventListener("input", () => setState(readForm(), true));\n    byId("reset").addEventListener("click", () => setState(defaults(), true));\n    byId("show-all").addEventListener("click", showEverything);\n    byId("expand-all").addEventListener("click", () => {\n      for (const r of rows) if (!r.el.classList.contains("off")) expand(r.el, true);\n    });\n    byId("print-opt").hidden = false;\n    byId("print-passes").addEventListener("change", (ev) => {\n      doc.documentElement.classList.toggle("print-passes", ev.target.checked);\n    });\n    byId("collapse-all").addEventListener("click", () => {\n      for (const r of rows) expand(r.el, false);\n    });\n    table.addEventListener("click", (ev) => {\n      if (!(ev.target instanceof Element)) return;\n      const target = ev.target;\n      const sortButton = target.closest(".sort");\n      if (sortButton) {\n        const key = sortButton.getAttribute("data-sort") ?? "priority";\n        const s = readForm();\n        s.desc = state?.sort === key ? !state.desc : false;\n        s.sort = key;\n        setState(s, true);\n        return;\n      }\n      const toggle = target.closest(".toggle");\n      if (toggle) {\n        expand(toggle.closest("tbody.finding"), toggle.getAttribute("aria-expanded") !== "true");\n        return;\n      }\n      const copy = target.closest(".copy");\n      if (copy) copyCommand(copy);\n    });\n    const live = doc.getElementById("announce");\n    function copied(button) {\n      button.classList.add("copied");\n      button.textContent = "Copied";\n      if (live) live.textContent = "Command copied to the clipboard";\n      setTimeout(() => {\n        button.classList.remove("copied");\n        button.textContent = "Copy";\n      }, 2e3);\n    }\n    function copyFallback(text, button) {\n      const area = doc.createElement("textarea");\n      area.value = text;\n      area.setAttribute("readonly", "");\n      area.className = "sr-only";\n      doc.body.appendChild(area);\n      area.select();\n      let ok = false;\n      try {\n        ok = doc.execCommand("copy");\n      } catch {\n        ok = false;\n      }\n      doc.body.removeChild(area);\n      if (ok) copied(button);\n      else if (live) live.textContent = "Could not copy: select the command and copy it by hand";\n    }\n    function copyCommand(button) {\n      const code = button.closest(".cmd")?.querySelector("code");\n      const text = code?.textContent ?? "";\n      if (navigator.clipboard?.writeText) {\n        navigator.clipboard.writeText(text).then(\n          () => copied(button),\n          () => copyFallback(text, button)\n        );\n      } else copyFallback(text, button);\n    }\n    doc.addEventListener("keydown", (ev) => {\n      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;\n      const t = ev.target;\n      if (t instanceof HTMLElement && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable))\n        return;\n      ev.preventDefault();\n      search.focus();\n    });\n    for (const a of doc.querySelectorAll("a.jump")) {\n      a.addEventListener("click", () => {\n        const body = doc.getElementById((a.getAttribute("href") ?? "").slice(1));\n        if (!body) return;\n        if (body.classList.contains("off")) showEverything();\n        expand(body, true);\n      });\n    }\n    window.addEventListener("hashchange", () => {\n      const s = parseHash();\n      if (!s) return;\n      setState(s, false);\n      doc.getElementById("findings")?.scrollIntoView();\n    });\n    setState(parseHash() ?? defaults(), false);\n  }\n})();\n';

// packages/reporters/dist/html.js
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
var BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
function clean(text) {
  return text.replace(LONE_SURROGATE, "\uFFFD").replace(BIDI_CONTROL, (c) => `(U+${c.charCodeAt(0).toString(16).toUpperCase()})`).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}
function escapeHtml(text) {
  return clean(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
var e = escapeHtml;
function prose(text) {
  return clean(text).split("`").map((part, i) => i % 2 === 1 && part ? `<code>${e(part)}</code>` : e(part)).join("");
}
var STATE_ORDER = [
  "fail",
  "assumed",
  "baseline",
  "suppressed",
  "error",
  "unknown",
  "skip",
  "pass"
];
var STATE_LABEL = {
  fail: "Fail",
  assumed: "Fail on an assumed name",
  unknown: "Could not decide",
  baseline: "Unchanged since baseline",
  suppressed: "Suppressed",
  error: "Error",
  skip: "Skip",
  pass: "Pass"
};
var STATE_ICON = {
  fail: "fail",
  assumed: "warn",
  unknown: "skip",
  baseline: "warn",
  suppressed: "warn",
  error: "error",
  skip: "skip",
  pass: "pass"
};
var DEFAULT_STATES = ["fail", "assumed", "error", "unknown"];
function icon(name) {
  return `<svg class="ico ico-${name}" aria-hidden="true" focusable="false" width="16" height="16"><use href="#i-${name}"/></svg>`;
}
var SPRITE = [
  '<svg class="sprite" aria-hidden="true" focusable="false" width="0" height="0"><defs>',
  '<symbol id="i-pass" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7.5" fill="#1a7f37"/><path d="M4.5 8.3l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></symbol>',
  '<symbol id="i-fail" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7.5" fill="#cf222e"/><path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></symbol>',
  '<symbol id="i-warn" viewBox="0 0 16 16"><path d="M8 1l7.5 13.5H.5z" fill="#bf8700"/><path d="M8 6v4" stroke="#1f2328" stroke-width="1.7" stroke-linecap="round"/><circle cx="8" cy="12.3" r="1" fill="#1f2328"/></symbol>',
  '<symbol id="i-error" viewBox="0 0 16 16"><rect x="1" y="1" width="14" height="14" rx="3" fill="#8250df"/><path d="M8 4.2v4.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="11.6" r="1.1" fill="#fff"/></symbol>',
  '<symbol id="i-skip" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="none" stroke="#6e7781" stroke-width="1.6"/><path d="M4.8 8h6.4" stroke="#6e7781" stroke-width="1.8" stroke-linecap="round"/></symbol>',
  '<symbol id="i-open" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="none" stroke="#cf222e" stroke-width="1.8"/></symbol>',
  "</defs></svg>"
].join("");
var BAR_COLOR = {
  pass: "#1a7f37",
  fail: "#cf222e",
  assumed: "#a40e26",
  unknown: "#0969da",
  baseline: "#bc4c00",
  suppressed: "#9a6700",
  error: "#8250df",
  skip: "#8c959f"
};
var CLAIM_ICON = { done: "pass", partial: "warn", open: "open", none: "skip" };
function isAdr001(result) {
  const base = result.adr?.file.split("/").pop() ?? "";
  return /^ADR-0*1(?!\d)/i.test(base);
}
function emptyTally() {
  return { fail: 0, assumed: 0, baseline: 0, suppressed: 0, error: 0, unknown: 0, skip: 0, pass: 0 };
}
function total(t) {
  return STATE_ORDER.reduce((n, s) => n + t[s], 0);
}
function percentComplete(t) {
  const applies = total(t) - t.skip;
  if (!applies)
    return void 0;
  return t.pass === applies ? 100 : Math.floor(t.pass * 100 / applies);
}
function measuredMark(t) {
  if (t.fail + t.baseline)
    return { icon: "fail", label: "Failing" };
  if (t.error)
    return { icon: "warn", label: "Not fully checked" };
  if (t.assumed)
    return { icon: "warn", label: "Failing on assumed names" };
  if (t.unknown)
    return { icon: "warn", label: "Could not decide" };
  if (t.suppressed)
    return { icon: "warn", label: "Accepted failures" };
  if (t.pass)
    return { icon: "pass", label: "Holds" };
  if (t.skip)
    return { icon: "skip", label: "Does not apply" };
  return { icon: "skip", label: "No check" };
}
function percentText(p) {
  return p === void 0 ? "\u2013" : `${p}%`;
}
function stateRank(s) {
  return STATE_ORDER.indexOf(s);
}
function layerOrder(a, b) {
  const ia = LAYERS.indexOf(a);
  const ib = LAYERS.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
}
function badge(state) {
  return `<span class="badge v-${state}">${icon(STATE_ICON[state])}${STATE_LABEL[state]}</span>`;
}
function priorityBadge(p) {
  return `<span class="pri pri-${p}">${p}</span>`;
}
function filterHref(params) {
  return `#${Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}`;
}
var ALL_STATES = STATE_ORDER.join(",");
function head(result, title, csp, style, printPasses = false) {
  const gate = result.gate.status;
  return [
    "<!DOCTYPE html>",
    printPasses ? '<html lang="en" class="print-passes">' : '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light">',
    `<meta name="generator" content="${e(`${result.tool.name} ${result.tool.version}`)}">`,
    `<title>${e(`${title} \xB7 ${result.environment.name} \xB7 gate ${gate}`)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${style}</style>`,
    "</head>"
  ].join("\n");
}
function banner(result, title) {
  const g = result.gate;
  const gateText = g.status === "passed" ? "Gate passed" : g.status === "failed" ? "Gate failed" : "Gate incomplete";
  return `<header class="banner">
<div class="wrap banner-in">
<div>
<p class="kicker">${e(`${result.tool.name} ${result.tool.version}`)}</p>
<h1>${e(title)}: <span class="env">${e(result.environment.name)}</span></h1>
</div>
<p class="gate gate-${g.status}" data-gate="${g.status}">${icon(g.status === "passed" ? "pass" : g.status === "failed" ? "fail" : "warn")}<span>${gateText}</span></p>
</div>
<nav class="wrap toc" aria-label="Report sections">
<ul>
<li><a href="#overview">Overview</a></li>
<li><a href="#readiness">Readiness</a></li>
<li><a href="#errors">Could not check</a></li>
<li><a href="#findings">Findings</a></li>
<li><a href="#accepted">Suppressions and baseline</a></li>
</ul>
</nav>
</header>`;
}
function gateSentence(result) {
  const g = result.gate;
  const undecided = g.unknown ? g.strict ? ` ${count(g.unknown, "check")} at ${g.failOn} or above could not be decided and count${g.unknown === 1 ? "s" : ""} as failing (strict).` : ` ${count(g.unknown, "check")} at ${g.failOn} or above could not be decided (not gating unless --strict).` : "";
  return gateCore(result) + (g.failOn === "none" ? "" : undecided);
}
function gateCore(result) {
  const g = result.gate;
  const failing = count(g.failing, "finding");
  if (g.failOn === "none")
    return "The gate is off (fail-on none): it passes whatever the findings.";
  if (g.status === "passed")
    return g.incomplete && g.allowIncomplete ? `No finding at ${g.failOn} or above fails; ${count(g.incomplete, "check")} at ${g.failOn} or above could not be run (allowed by --allow-incomplete).` : `No finding at ${g.failOn} or above fails, and every check in scope ran.`;
  if (g.status === "failed")
    return `${failing} at ${g.failOn} or above ${g.failing === 1 ? "fails" : "fail"} the gate${g.incomplete ? `; ${count(g.incomplete, "check")} at ${g.failOn} or above could not be run` : ""}.`;
  return `Nothing at ${g.failOn} or above fails, but ${count(g.incomplete, "check")} at ${g.failOn} or above could not be run: an error is never a pass.`;
}
function overview(result, checks) {
  const env = result.environment;
  const g = result.gate;
  const facts2 = [
    ["Environment", `<code>${e(env.name)}</code>${env.tier ? ` (tier <code>${e(env.tier)}</code>)` : ""}`],
    ["Scanned", `<code>${e(result.root)}</code>`]
  ];
  if (env.configFile)
    facts2.push([
      "Configuration",
      `<code>${e(`${env.configFile}${env.configLine ? `:${env.configLine}` : ""}`)}</code>`
    ]);
  if (result.adr)
    facts2.push(["ADR", `<code>${e(result.adr.file)}</code>`]);
  if (result.baseline)
    facts2.push(["Baseline", `<code>${e(result.baseline.file)}</code>`]);
  facts2.push([
    "When",
    result.timestamps ? `started <time datetime="${e(result.timestamps.startedAt)}">${e(result.timestamps.startedAt)}</time>, finished <time datetime="${e(result.timestamps.finishedAt)}">${e(result.timestamps.finishedAt)}</time>` : "not recorded (scan with <code>--timestamps</code> to include it)"
  ]);
  facts2.push(["Rules", `${count(result.rules.length, "rule")} ran ${count(checks.total, "check")}`]);
  const summary = result.summary.byStatus;
  const unchanged = result.verdicts.filter((v) => stateOf(v) === "baseline").length;
  const tallies = [
    ["fail", "Failing", "fail", filterHref({ v: "fail,assumed,baseline" })],
    ["error", "Could not check", "error", filterHref({ v: "error" })],
    ["unknown", "Could not decide", "skip", filterHref({ v: "unknown" })],
    ["suppressed", "Suppressed", "warn", filterHref({ v: "suppressed" })],
    ["pass", "Passed", "pass", filterHref({ v: "pass" })],
    ["skip", "Skipped", "skip", filterHref({ v: "skip" })]
  ];
  const tallyItems = tallies.map(([key, label, ico, href]) => `<li><a class="tally t-${key}" href="${e(href)}">${icon(ico)}<span class="n" data-count="${key}">${summary[key]}</span> <span class="l">${label}</span></a></li>`).join("\n");
  const layerNames = [
    ...LAYERS,
    ...Object.keys(result.layers).filter((l) => !LAYERS.includes(l)).sort()
  ];
  const layerRows = layerNames.map((name) => {
    const state = result.layers[name];
    const status = state?.status ?? "not-configured";
    const [ico, label] = status === "collected" ? ["pass", "Collected"] : status === "failed" ? ["fail", "Failed"] : ["skip", "Not configured"];
    const skipped = (state?.skipped ?? []).map((k) => `<span class="sub">not read: <code>${e(k.path)}</code>: ${e(k.reason)}</span>`).join("");
    return `<tr><th scope="row"><code>${e(name)}</code></th><td>${icon(ico)} ${label}${state?.reason ? `<span class="sub">${e(state.reason)}</span>` : ""}${skipped}</td></tr>`;
  }).join("\n");
  return `<section id="overview" aria-labelledby="overview-h">
<h2 id="overview-h">Overview</h2>
<div class="cols">
<div class="card">
<h3>Gate</h3>
<p class="gate-line gate-${g.status}"><strong>${e(g.status)}</strong> \xB7 fail-on <code>${e(g.failOn)}</code> \xB7 exit code <code>${g.exitCode}</code></p>
<p>${e(gateSentence(result))}</p>
<ul class="tallies" aria-label="Checks by verdict">
${tallyItems}
</ul>
${unchanged ? `<p class="note">${count(unchanged, "failing finding")} ${unchanged === 1 ? "is" : "are"} unchanged since the baseline and ${unchanged === 1 ? "does" : "do"} not fail the gate.</p>` : ""}
</div>
<div class="card">
<h3>Environment</h3>
<dl class="facts">
${facts2.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("\n")}
</dl>
</div>
<div class="card">
<h3>Scope</h3>
<table class="plain">
<caption class="sr-only">Layers in scope</caption>
<thead><tr><th scope="col">Layer</th><th scope="col">Status</th></tr></thead>
<tbody>
${layerRows}
</tbody>
</table>
${excludedHtml(result)}
</div>
</div>
</section>`;
}
function excludedHtml(result) {
  const excluded = result.excluded ?? [];
  const summary = exclusionSummary(result);
  if (!summary)
    return '<p class="note">Every file the scanner reads was read.</p>';
  const rows = excluded.slice(0, EXCLUDED_SHOWN).map((x) => `<tr><th scope="row"><code>${e(x.path)}</code></th><td>${e(exclusionLabel(x.reason))}<span class="sub">${e(x.detail)}</span></td></tr>`).join("\n");
  const more = excluded.length > EXCLUDED_SHOWN ? `<p class="note">${excluded.length - EXCLUDED_SHOWN} more in the JSON report.</p>` : "";
  return `<p class="note" id="not-scanned"><strong>Not scanned:</strong> ${e(summary)}.</p>
<table class="plain">
<caption class="sr-only">Paths not scanned</caption>
<thead><tr><th scope="col">Path</th><th scope="col">Why</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>${more}`;
}
function priorityChart(checks) {
  const width = 720;
  const labelW = 44;
  const textW = 210;
  const barW = width - labelW - textW;
  const rowH = 34;
  const byPriority = PRIORITIES.map((p) => ({ p, t: checks.byPriority.get(p) ?? emptyTally() }));
  const max = Math.max(1, ...byPriority.map(({ t }) => total(t)));
  const rows = byPriority.map(({ p, t }, i) => {
    const y = 8 + i * rowH;
    let x = labelW;
    const segments = STATE_ORDER.filter((s) => t[s] > 0).map((s) => {
      const w = t[s] / max * barW;
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="20" fill="${BAR_COLOR[s]}" data-state="${s}" data-n="${t[s]}"><title>${p} ${STATE_LABEL[s].toLowerCase()}: ${t[s]}</title></rect>`;
      x += w;
      return rect;
    }).join("");
    const pct = percentComplete(t);
    const empty = total(t) ? "" : `<rect x="${labelW}" y="${y}" width="${barW}" height="20" fill="#f6f8fa" stroke="#d0d7de"/>`;
    return `<g data-priority="${p}"><text x="0" y="${y + 15}" class="svg-label">${p}</text>${empty}${segments}<text x="${labelW + barW + 8}" y="${y + 15}" class="svg-text">${percentText(pct)} complete \xB7 ${t.pass}/${total(t) - t.skip}</text></g>`;
  }).join("\n");
  const height = 8 + PRIORITIES.length * rowH;
  const desc = byPriority.map(({ p, t }) => `${p}: ${STATE_ORDER.map((s) => `${t[s]} ${STATE_LABEL[s].toLowerCase()}`).join(", ")}`).join("; ");
  const legend = STATE_ORDER.map((s) => `<li><svg aria-hidden="true" focusable="false" width="12" height="12"><rect width="12" height="12" rx="2" fill="${BAR_COLOR[s]}"/></svg> ${STATE_LABEL[s]}</li>`).join("");
  return `<figure class="chart">
<figcaption>Readiness per priority</figcaption>
<svg class="bars" role="img" aria-labelledby="prio-title prio-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMinYMin meet">
<title id="prio-title">Checks per priority by verdict</title>
<desc id="prio-desc">${e(desc)}</desc>
${rows}
</svg>
<ul class="legend" aria-label="Legend">${legend}</ul>
</figure>`;
}
function percentBar(p, t) {
  const w = 120;
  const applies = total(t) - t.skip;
  if (p === void 0)
    return `<svg class="pbar" aria-hidden="true" focusable="false" viewBox="0 0 ${w} 12" width="${w}" height="12"><rect width="${w}" height="12" rx="3" fill="#f6f8fa" stroke="#d0d7de"/></svg>`;
  let x = 0;
  const parts = ["pass", "suppressed", "baseline", "error", "fail"].filter((s) => t[s] > 0).map((s) => {
    const sw = t[s] / applies * w;
    const r = `<rect x="${x.toFixed(1)}" width="${sw.toFixed(1)}" height="12" fill="${BAR_COLOR[s]}"/>`;
    x += sw;
    return r;
  }).join("");
  return `<svg class="pbar" aria-hidden="true" focusable="false" viewBox="0 0 ${w} 12" width="${w}" height="12">${parts}</svg>`;
}
function readiness(result, checks) {
  const adr001 = isAdr001(result);
  const bySection = checks.bySectionTally;
  const sections = [
    .../* @__PURE__ */ new Set([
      ...Object.keys(result.adr?.sections ?? {}),
      ...adr001 ? ADR_001.sections.map((s) => s.key) : [],
      ...bySection.keys()
    ])
  ].sort(compareAdrSections);
  const overall = checks.tally;
  const overallPct = percentComplete(overall);
  const adrName = result.adr ? result.adr.file.split("/").pop() ?? result.adr.file : "the ADR";
  const claim = adr001 ? `<p class="claim"><span class="claim-says">${e(adrName)} says: <strong>${e(ADR_001.status)}</strong></span> <span class="claim-measured">Measured: <strong data-measured="overall">${percentText(overallPct)}</strong> of the checks that apply pass (${overall.pass} of ${total(overall) - overall.skip}).</span></p>` : `<p class="claim"><span class="claim-measured">Measured: <strong data-measured="overall">${percentText(overallPct)}</strong> of the checks that apply pass (${overall.pass} of ${total(overall) - overall.skip}).</span></p>`;
  const body = sections.map((section) => {
    const t = bySection.get(section) ?? emptyTally();
    const checked = total(t) > 0;
    const pct = percentComplete(t);
    const item = adr001 ? getAdr001Section(section) : void 0;
    const line = result.adr?.sections[section];
    const mark = checked ? measuredMark(t) : { icon: "skip", label: "No check in this scan" };
    const parts = [
      t.fail + t.baseline ? `${t.fail + t.baseline} failing` : "",
      t.suppressed ? `${t.suppressed} suppressed` : "",
      t.error ? `${t.error} could not be checked` : "",
      t.pass ? `${t.pass} passed` : "",
      t.skip ? `${t.skip} skipped` : ""
    ].filter(Boolean);
    const name = checked ? `<a href="${e(filterHref({ v: ALL_STATES, section }))}">${e(section)}</a>` : `<span>${e(section)}</span>`;
    return `<tr data-section="${e(section)}" data-percent="${pct ?? ""}">
<th scope="row">${name}${item ? `<span class="sub">${e(item.title)}</span>` : ""}${line && result.adr ? `<span class="sub"><code>${e(`${result.adr.file}:${line}`)}</code></span>` : ""}</th>
${adr001 ? `<td data-label="ADR says">${item ? `${icon(CLAIM_ICON[item.mark])} ${e(item.says)}` : "\u2013"}</td>` : ""}
<td class="nowrap" data-label="Measured">${icon(mark.icon)} ${mark.label}</td>
<td class="nowrap pct" data-label="% complete">${percentBar(pct, t)} <span>${percentText(pct)}</span></td>
<td data-label="Checks">${parts.length ? parts.join(", ") : "\u2013"}</td>
</tr>`;
  }).join("\n");
  return `<section id="readiness" aria-labelledby="readiness-h">
<h2 id="readiness-h">Readiness</h2>
${claim}
${priorityChart(checks)}
<div class="scroll">
<table class="checklist">
<caption>${e(adr001 ? `${adrName} checklist and what the scan measured` : "ADR sections and what the scan measured")}</caption>
<thead><tr><th scope="col">ADR section</th>${adr001 ? '<th scope="col">ADR says</th>' : ""}<th scope="col">Measured</th><th scope="col">% complete</th><th scope="col">Checks</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
<p class="note">% complete is the share of the section's checks that apply (skipped ones do not) which pass; a failure accepted by a suppression or a baseline, or a check that could not run, is not complete.</p>
</section>`;
}
function byTargetSection(result) {
  const rows = targetRows(result);
  if (rows.length === 0)
    return "";
  const label = {
    failing: ["fail", "Failing"],
    incomplete: ["error", "Incomplete"],
    passing: ["pass", "Passing"]
  };
  const body = rows.map((r) => {
    const [mark, text] = label[targetState(r)];
    const name = r.kind === "environment" ? `${e(r.name)} <span class="sub">environment as a whole</span>` : e(r.name);
    return `<tr data-target="${e(r.name)}">
<th scope="row">${name}</th>
<td class="nowrap">${icon(mark)} ${text}</td>
<td>${r.failing.P0}</td><td>${r.failing.P1}</td><td>${r.failing.P2}</td><td>${r.errors}</td><td>${r.passed}</td>
<td>${r.gated ? String(r.gating) : "not gated"}</td>
</tr>`;
  }).join("\n");
  const scoped = result.gate.targets?.length ? ` The gate fails only on ${result.gate.targets.map((t) => `<code>${e(t)}</code>`).join(", ")} and on the environment as a whole.` : "";
  return `
<section id="targets" aria-labelledby="targets-h">
<h2 id="targets-h">By target</h2>
<p class="note">Every verdict about a server or cluster of the fleet names it.${scoped}</p>
<div class="scroll">
<table class="checklist">
<caption>Fleet targets and the environment</caption>
<thead><tr><th scope="col">Target</th><th scope="col">State</th><th scope="col">P0</th><th scope="col">P1</th><th scope="col">P2</th><th scope="col">Errors</th><th scope="col">Passed</th><th scope="col">Fail the gate</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</section>`;
}
function where(result, r) {
  const placed = placeFinding(result, r.rule, r.v);
  const live = !r.v.location?.file && !r.v.resource.file ? `<span class="sub">live resource ${e(r.v.resource.kind)} ${e(r.v.resource.namespace ? `${r.v.resource.namespace}/${r.v.resource.name}` : r.v.resource.name)}</span>` : "";
  const target = r.v.targets?.length ? `<span class="sub">target ${e(r.v.targets.join(", "))}</span>` : "";
  if (!placed)
    return { text: `${target}${live || (target ? "" : "\u2013")}`, sortKey: "~" };
  const note = placed.source === "resource" ? '<span class="sub">declaring file</span>' : placed.source === "adr" ? '<span class="sub">ADR section</span>' : placed.source === "config" ? '<span class="sub">environment entry</span>' : "";
  const loc = placed.location;
  const key = `${loc.file}	${String(loc.startLine).padStart(7, "0")}	${String(loc.startColumn ?? 0).padStart(5, "0")}`;
  return { text: `<code>${e(formatPosition(loc))}</code>${note}${target}${live}`, sortKey: key };
}
var CONCERN_STATEMENT = new Map(CONCERNS.map((c) => [c.key, c.statement]));
function detail(result, r) {
  const { v, rule } = r;
  const facts2 = [];
  facts2.push([
    "Rule",
    `<code>${e(v.ruleId)}</code>${v.alias ? ` (formerly <code>${e(v.alias)}</code>)` : ""}${rule ? `: ${e(rule.title)}` : ""}`
  ]);
  facts2.push([
    "Priority",
    `${v.priority}${failsGate(v) ? " \xB7 fails the gate" : r.state === "fail" ? " \xB7 below the gate\u2019s threshold" : r.state === "unknown" ? " \xB7 could not decide (gates only with --strict)" : r.state === "assumed" ? " \xB7 on an assumed ADR-001 name: does not gate" : ""}`
  ]);
  if (v.dependsOn?.length)
    facts2.push(["Depends on", v.dependsOn.map((d) => `<code>${e(d)}</code>`).join(", ")]);
  if (v.assumed)
    facts2.push(["Assumed", e(v.assumed)]);
  if (v.targets?.length)
    facts2.push(["Target", v.targets.map((t) => `<code>${e(t)}</code>`).join(", ")]);
  facts2.push([
    "Resource",
    `<code>${e(v.resource.id)}</code> <span class="sub-inline">(${e(v.resource.kind)} ${e(v.resource.name)}${v.resource.namespace ? ` in ${e(v.resource.namespace)}` : ""})</span>`
  ]);
  const placed = placeFinding(result, rule, v);
  if (v.location?.file)
    facts2.push(["Location", `<code>${e(formatPosition(v.location))}</code>`]);
  else if (placed)
    facts2.push([
      "Location",
      `${v.resource.file ? "declared in" : "live resource, shown at"} <code>${e(formatPosition(placed.location))}</code>${placed.source === "adr" ? " (its ADR section)" : placed.source === "config" ? " (the environment\u2019s entry)" : ""}`
    ]);
  else
    facts2.push(["Location", "live resource, declared in no repository file"]);
  if (v.relatedLocations?.length)
    facts2.push(["Also at", v.relatedLocations.map((l) => `<code>${e(formatPosition(l))}</code>`).join(", ")]);
  if (v.concerns.length)
    facts2.push([
      v.concerns.length === 1 ? "Concern" : "Concerns",
      `<ul class="concerns">${v.concerns.map((c) => {
        const statement = CONCERN_STATEMENT.get(c);
        return `<li><code>${e(c)}</code>${statement ? `: ${prose(statement)}` : ""}</li>`;
      }).join("")}</ul>`
    ]);
  if (rule?.adrSection) {
    const lines = r.sections.map((s) => result.adr?.sections[s] ? `${result.adr.file}:${result.adr.sections[s]}` : "").filter(Boolean);
    facts2.push([
      "ADR section",
      `${e(rule.adrSection)}${lines.length ? ` \xB7 ${lines.map((l) => `<code>${e(l)}</code>`).join(", ")}` : ""}`
    ]);
  }
  facts2.push(["Certainty", v.certainty === "low" ? "low (inferred, not observed)" : "high"]);
  if (v.suppression) {
    const s = v.suppression;
    facts2.push([
      "Suppressed",
      `${e(s.reason)} <span class="sub-inline">(${s.kind}, <code>${e(s.source)}</code>${s.expires ? `, expires ${e(s.expires)}` : ""})</span>`
    ]);
  }
  if (v.baselineState)
    facts2.push(["Baseline", v.baselineState === "unchanged" ? "unchanged since the baseline" : "new"]);
  facts2.push(["Fingerprint", `<code>${e(v.fingerprint)}</code>`]);
  let out = `<p class="message">${prose(v.message)}</p>
<dl class="facts">
${facts2.map(([k, val]) => `<dt>${k}</dt><dd>${val}</dd>`).join("\n")}
</dl>`;
  if (v.evidence.length) {
    out += `
<table class="plain evidence"><caption>Evidence</caption><thead><tr><th scope="col">Field</th><th scope="col">Observed</th><th scope="col">Expected</th><th scope="col">At</th></tr></thead><tbody>${v.evidence.map((ev) => `<tr><td><code>${e(ev.path)}</code></td><td><code>${e(formatObserved(ev.observed))}</code></td><td>${ev.expected !== void 0 ? e(ev.expected) : ""}</td><td>${ev.location ? `<code>${e(formatPosition(ev.location))}</code>` : ""}</td></tr>`).join("")}</tbody></table>`;
  }
  const failing = r.state === "fail" || r.state === "baseline" || r.state === "suppressed";
  if (failing && rule && (rule.remediation.text || rule.remediation.commands?.length)) {
    out += `
<div class="fix"><h3>Fix</h3>${rule.remediation.text ? `<p>${prose(rule.remediation.text)}</p>` : ""}${(rule.remediation.commands ?? []).map((c, i) => `<div class="cmd"><pre tabindex="0"><code>${e(c)}</code></pre><button type="button" class="copy" aria-label="Copy command ${i + 1} of ${rule.remediation.commands.length}">Copy</button></div>`).join("")}</div>`;
  }
  if (rule?.docsUrl)
    out += `
<p class="docs"><a href="${e(rule.docsUrl)}" rel="noopener noreferrer">Rule documentation: ${e(v.ruleId)}</a></p>`;
  return out;
}
function findingBody(result, r, order) {
  const { v } = r;
  const loc = where(result, r);
  const search = [v.resource.id, v.resource.kind, v.resource.name, v.resource.namespace ?? "", v.resource.file ?? ""].join(" ").toLowerCase();
  const summaryText = clip(firstSentence(v.message, 400), 180);
  return `<tbody class="finding" id="${r.id}" data-order="${order}" data-priority="${v.priority}" data-verdict="${r.state}" data-layer="${e(r.layer)}" data-concerns="${e(v.concerns.join(" "))}" data-sections="${e(r.sections.join("|"))}" data-rule="${e(v.ruleId)}" data-resource="${e(v.resource.id)}" data-location="${e(loc.sortKey)}" data-search="${e(search)}">
<tr class="row">
<td data-label="Priority">${priorityBadge(v.priority)}</td>
<td data-label="Verdict">${badge(r.state)}</td>
<td data-label="Finding"><button type="button" class="toggle" aria-expanded="false" aria-controls="${r.id}-d"><span class="chev" aria-hidden="true"></span><span class="msg">${prose(summaryText)}</span></button><span class="sub"><code>${e(v.ruleId)}</code>${v.alias ? ` formerly <code>${e(v.alias)}</code>` : ""}</span></td>
<td data-label="Resource"><code class="res">${e(v.resource.id)}</code></td>
<td data-label="Location">${loc.text}</td>
</tr>
<tr class="detail" id="${r.id}-d" hidden>
<td colspan="5"><div class="detail-body">
${detail(result, r)}
</div></td>
</tr>
</tbody>`;
}
function checkboxGroup(name, legend, options) {
  return `<fieldset class="group" data-group="${name}">
<legend>${legend}</legend>
${options.map((o) => `<label class="check"><input type="checkbox" name="${name}" value="${e(o.value)}"${o.checked ? " checked" : ""}> <span>${e(o.label)}</span> <span class="count" data-count-for="${e(o.value)}">(${o.n})</span></label>`).join("\n")}
</fieldset>`;
}
function selectGroup(name, label, all, options) {
  return `<div class="field">
<label for="f-${name}">${label}</label>
<select id="f-${name}" name="${name}" data-group="${name}">
<option value="">${all}</option>
${options.map((o) => `<option value="${e(o.value)}" data-label="${e(o.label)}">${e(o.label)} (${o.n})</option>`).join("\n")}
</select>
</div>`;
}
function findingsSection(checks) {
  const { byPriorityCount: byPriority, byState, byLayer, byConcern, bySection } = checks;
  const shownByDefault = DEFAULT_STATES.reduce((n, s) => n + (byState.get(s) ?? 0), 0);
  const controls = `<form id="filters" class="filters" hidden aria-label="Filter findings">
${checkboxGroup("p", "Priority", PRIORITIES.map((p) => ({ value: p, label: p, n: byPriority.get(p) ?? 0, checked: true })))}
${checkboxGroup("v", "Verdict", STATE_ORDER.map((s) => ({
    value: s,
    label: s === "baseline" ? "Unchanged (baseline)" : STATE_LABEL[s],
    n: byState.get(s) ?? 0,
    checked: DEFAULT_STATES.includes(s)
  })))}
<div class="selects">
${selectGroup("layer", "Layer", "All layers", [...byLayer.keys()].sort(layerOrder).map((l) => ({ value: l, label: l, n: byLayer.get(l) ?? 0 })))}
${selectGroup("concern", "Concern", "All concerns", [...byConcern.keys()].sort().map((c) => ({ value: c, label: c, n: byConcern.get(c) ?? 0 })))}
${selectGroup("section", "ADR section", "All sections", [...bySection.keys()].sort(compareAdrSections).map((s) => ({ value: s, label: s, n: bySection.get(s) ?? 0 })))}
<div class="field">
<label for="f-q">Search resources</label>
<input type="search" id="f-q" name="q" autocomplete="off" spellcheck="false" placeholder="id, name, kind or file" aria-describedby="f-q-hint">
<span id="f-q-hint" class="sr-only">Press slash to jump here.</span>
</div>
</div>
<div class="actions">
<button type="button" id="reset">Reset filters</button>
<button type="button" id="show-all">Show every check</button>
<button type="button" id="expand-all">Expand all</button>
<button type="button" id="collapse-all">Collapse all</button>
</div>
</form>
<p class="actions" id="print-opt" hidden><label><input type="checkbox" id="print-passes"> Print passing and skipped checks too</label></p>`;
  const sortable = (key, label, sorted = false) => `<th scope="col"${sorted ? ' aria-sort="ascending"' : ""}><button type="button" class="sort" data-sort="${key}">${label}<span class="arrow" aria-hidden="true"></span></button></th>`;
  return [
    `<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
<p class="note noscript-hint">Every check the scan ran, most urgent first. Open a row for its message, location, evidence and the commands that fix it.</p>
${controls}
<p id="shown" class="shown" role="status" aria-live="polite">${count(checks.total, "check")}${checks.total ? ` (${count(shownByDefault, "failing finding or error", "failing findings or errors")})` : ""}</p>
<p class="note print-only">Printed: the failing checks and those that could not run. Passing and skipped checks are left out; tick \u201CPrint passing and skipped checks too\u201D to print them.</p>
<div class="scroll">
<table id="findings-table" class="findings">
<caption class="sr-only">Findings; sortable by the column buttons</caption>
<thead><tr>${sortable("priority", "Priority", true)}${sortable("verdict", "Verdict")}${sortable("rule", "Finding")}${sortable("resource", "Resource")}${sortable("location", "Location")}</tr></thead>
`,
    `
</table>
</div>
<p id="none-shown" class="empty" hidden>No check matches these filters. \u201CShow every check\u201D lists all ${checks.total}.</p>
</section>`
  ];
}
function errorsSection(result, rows) {
  const failedLayers = Object.entries(result.layers).filter(([, s]) => s?.status === "failed").sort(([a], [b]) => layerOrder(a, b));
  const errors = rows.filter((r) => r.state === "error");
  const items = [
    ...failedLayers.map(([name, s]) => `<li data-error="layer">${icon("fail")} Layer <code>${e(name)}</code> could not be collected${s?.reason ? `: ${e(s.reason)}` : ""}</li>`),
    ...errors.map((r) => `<li data-error="check">${icon("error")} ${priorityBadge(r.v.priority)} <code>${e(r.v.ruleId)}</code> on <code>${e(r.v.resource.id)}</code>${r.v.location?.file ? ` at <code>${e(formatPosition(r.v.location))}</code>` : ""}: ${prose(r.v.message)} <a href="#${r.id}" class="jump">details</a></li>`)
  ];
  const intro = items.length ? `<p>${count(errors.length, "check")} could not be run${failedLayers.length ? ` and ${count(failedLayers.length, "layer")} could not be collected` : ""}. An error is never a pass: these are not counted as complete.</p>` : "<p>Every check in scope could be run.</p>";
  return `<section id="errors" class="errors" aria-labelledby="errors-h">
<h2 id="errors-h">Could not check (${errors.length + failedLayers.length})</h2>
${intro}
${items.length ? `<ul class="error-list">
${items.join("\n")}
</ul>` : ""}
</section>`;
}
function undecidedSection(result, rows) {
  const undecided = rows.filter((r) => r.v.status === "unknown");
  if (!undecided.length)
    return "";
  const gates = result.gate.strict ? "This scan is strict: they fail the gate." : "They do not fail the gate unless the scan is strict (<code>--strict</code>, config <code>strict: true</code>).";
  const items = undecided.map((r) => `<li data-undecided="check">${icon("skip")} ${priorityBadge(r.v.priority)} <code>${e(r.v.ruleId)}</code> on <code>${e(r.v.resource.id)}</code>${r.v.location?.file ? ` at <code>${e(formatPosition(r.v.location))}</code>` : ""}: ${prose(r.v.message)} Depends on ${(r.v.dependsOn ?? []).map((d) => `<code>${e(d)}</code>`).join(", ")}. <a href="#${r.id}" class="jump">details</a></li>`);
  return `<section id="undecided" class="errors" aria-labelledby="undecided-h">
<h2 id="undecided-h">Could not decide (${undecided.length})</h2>
<p>${count(undecided.length, "check")} read ${undecided.length === 1 ? "its input" : "their inputs"} but could not decide from ${undecided.length === 1 ? "it" : "them"}: never a fail, never a pass. ${gates}</p>
<ul class="error-list">
${items.join("\n")}
</ul>
</section>`;
}
function acceptedSection(result, rows) {
  const applied = rows.filter((r) => r.state === "suppressed");
  const { unused, expired } = result.suppressions;
  const parts = [];
  if (applied.length) {
    parts.push(`<table class="plain"><caption>Applied suppressions (${applied.length})</caption><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Reason</th><th scope="col">Expires</th><th scope="col">Where</th></tr></thead><tbody>${applied.map((r) => {
      const s = r.v.suppression;
      return `<tr><td><code>${e(r.v.ruleId)}</code></td><td><code>${e(r.v.resource.id)}</code></td><td>${e(s.reason)}</td><td>${s.expires ? e(s.expires) : ""}</td><td>${s.kind} <code>${e(s.source)}</code></td></tr>`;
    }).join("")}</tbody></table>`);
  }
  const entries = (title, list, note) => {
    if (!list.length)
      return;
    parts.push(`<table class="plain"><caption>${title} (${list.length})</caption><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Reason</th><th scope="col">Expires</th><th scope="col">Where</th></tr></thead><tbody>${list.map((s) => `<tr><td><code>${e(s.rule)}</code></td><td>${s.resource ? `<code>${e(s.resource)}</code>` : "any"}</td><td>${e(s.reason)}</td><td>${s.expires ? e(s.expires) : ""}</td><td>${s.kind} <code>${e(s.source)}</code></td></tr>`).join("")}</tbody></table><p class="note">${note}</p>`);
  };
  entries("Expired suppressions", expired, "These no longer apply: renew them with a new date or fix the findings.");
  entries("Unused suppressions", unused, "These matched no failing finding: remove them.");
  if (result.baseline) {
    const failing = rows.filter((r) => r.v.status === "fail");
    const unchanged = failing.filter((r) => r.v.baselineState === "unchanged").length;
    const fixed = result.baseline.fixed;
    parts.push(`<p>Baseline <code>${e(result.baseline.file)}</code>: ${failing.length - unchanged} new, ${unchanged} unchanged, ${fixed.length} fixed.</p>`);
    if (fixed.length)
      parts.push(`<table class="plain"><caption>Fixed since the baseline (${fixed.length})</caption><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Fingerprint</th></tr></thead><tbody>${[
        ...fixed
      ].sort((a, b) => a.ruleId + a.resource < b.ruleId + b.resource ? -1 : 1).map((f) => `<tr><td><code>${e(f.ruleId)}</code></td><td><code>${e(f.resource)}</code></td><td><code>${e(f.fingerprint)}</code></td></tr>`).join("")}</tbody></table>`);
  }
  return `<section id="accepted" aria-labelledby="accepted-h">
<h2 id="accepted-h">Suppressions and baseline</h2>
${parts.length ? parts.join("\n") : "<p>No suppression or baseline applies to this scan.</p>"}
</section>`;
}
function sha256(text) {
  return createHash("sha256").update(text, "utf8").digest("base64");
}
var CSP = [
  "default-src 'none'",
  `style-src 'sha256-${sha256(PAGE_STYLE)}'`,
  `script-src 'sha256-${sha256(PAGE_SCRIPT)}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'"
].join("; ");
function checksOf(result) {
  const rules = rulesById(result);
  const sectionsOf = (rule) => rule ? splitAdrSection(rule.adrSection) : [];
  const layerOf = (rule, source) => rule?.sources?.find((s) => s.name === source)?.layer ?? (rule?.layer || "unknown");
  const rowOf = (v, id) => {
    const rule = rules.get(v.ruleId);
    return { v, rule, state: stateOf(v), layer: layerOf(rule, v.source), sections: sectionsOf(rule), id };
  };
  const checks = {
    total: 0,
    tally: emptyTally(),
    byPriority: /* @__PURE__ */ new Map(),
    bySectionTally: /* @__PURE__ */ new Map(),
    byPriorityCount: /* @__PURE__ */ new Map(),
    byState: /* @__PURE__ */ new Map(),
    byLayer: /* @__PURE__ */ new Map(),
    byConcern: /* @__PURE__ */ new Map(),
    bySection: /* @__PURE__ */ new Map(),
    stored: [],
    rows: () => rows()
  };
  const add = (m, key, n) => m.set(key, (m.get(key) ?? 0) + n);
  const tallyIn = (m, key, state, n) => {
    const t = m.get(key) ?? emptyTally();
    t[state] += n;
    m.set(key, t);
  };
  const countChecks = (n, priority, state, layer, concerns, sections) => {
    checks.total += n;
    checks.tally[state] += n;
    tallyIn(checks.byPriority, priority, state, n);
    add(checks.byPriorityCount, priority, n);
    add(checks.byState, state, n);
    add(checks.byLayer, layer, n);
    for (const c of concerns)
      add(checks.byConcern, c, n);
    for (const section of sections) {
      add(checks.bySection, section, n);
      tallyIn(checks.bySectionTally, section, state, n);
    }
  };
  const isPass = (v) => v.status === "pass";
  const stored = result.verdicts.filter((v) => !isPass(v)).sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || stateRank(stateOf(a)) - stateRank(stateOf(b)) || compareVerdicts(a, b));
  const passCount = /* @__PURE__ */ new Map();
  for (const v of result.verdicts.filter(isPass)) {
    const rule = rules.get(v.ruleId);
    countChecks(1, v.priority, "pass", layerOf(rule, v.source), v.concerns, sectionsOf(rule));
    passCount.set(v.priority, (passCount.get(v.priority) ?? 0) + 1);
  }
  for (const set of result.passes ?? []) {
    const rule = rules.get(passSetRuleId(set));
    const n = set.passes.length;
    countChecks(n, set.priority, "pass", layerOf(rule, set.stamp?.source), set.concerns, sectionsOf(rule));
    passCount.set(set.priority, (passCount.get(set.priority) ?? 0) + n);
  }
  const ranks = [
    ...new Set([...PRIORITIES, ...stored.map((v) => v.priority), ...passCount.keys()].map(priorityRank))
  ].sort((a, b) => a - b);
  const passPriorities = [.../* @__PURE__ */ new Set([...PRIORITIES, ...passCount.keys()])];
  const passesAt = (rank) => passPriorities.filter((p) => priorityRank(p) === rank);
  let next = 0;
  let at = 0;
  for (const rank of ranks) {
    for (; at < stored.length && priorityRank(stored[at].priority) === rank; at++) {
      const row2 = rowOf(stored[at], `f${++next}`);
      countChecks(1, row2.v.priority, row2.state, row2.layer, row2.v.concerns, row2.sections);
      checks.stored.push(row2);
    }
    for (const p of passesAt(rank))
      next += passCount.get(p) ?? 0;
  }
  function* rows() {
    let i = 0;
    let n = 0;
    for (const rank of ranks) {
      for (; i < checks.stored.length && priorityRank(checks.stored[i].v.priority) === rank; i++) {
        n++;
        yield checks.stored[i];
      }
      for (const p of passesAt(rank)) {
        if (!passCount.get(p))
          continue;
        for (const v of verdictsInOrder(result, (v2) => isPass(v2) && v2.priority === p, (set) => set.priority === p))
          yield rowOf(v, `f${++n}`);
      }
    }
  }
  return checks;
}
function toHtml(result, options = {}) {
  return [...htmlChunks(result, options)].join("");
}
function* htmlChunks(result, options = {}) {
  const title = options.title ?? "coditect-audit report";
  const checks = checksOf(result);
  const rows = checks.stored;
  const [findingsBefore, findingsAfter] = findingsSection(checks);
  yield `${head(result, title, CSP, PAGE_STYLE, options.printPasses)}
<body>
${result.assumptions ? `<p class="assumed" role="note">${e(result.assumptions.banner)}</p>
` : ""}<a class="skip" href="#findings">Skip to findings</a>
${SPRITE}
${banner(result, title)}
<main id="main" class="wrap">
${overview(result, checks)}
${readiness(result, checks)}${byTargetSection(result)}
${errorsSection(result, rows)}
${undecidedSection(result, rows)}
${findingsBefore}`;
  if (checks.total === 0)
    yield '<tbody><tr><td colspan="5">The scan ran no check.</td></tr></tbody>';
  let i = 0;
  for (const r of checks.rows()) {
    yield `${i ? "\n" : ""}${findingBody(result, r, i)}`;
    i++;
  }
  yield `${findingsAfter}
${acceptedSection(result, rows)}
</main>
<footer class="wrap">
<p>${e(`${result.tool.name} ${result.tool.version}`)} \xB7 environment <code>${e(result.environment.name)}</code> \xB7 ${count(checks.total, "check")}. This page is self-contained: it loads nothing from the network.</p>
</footer>
<div id="announce" class="sr-only" role="status" aria-live="polite"></div>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

// packages/reporters/dist/json.js
function sortKeys(value) {
  if (Array.isArray(value))
    return value.map((item) => item === void 0 ? null : sortKeys(item));
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const member = value[key];
      if (member !== void 0)
        out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function indented(value, depth) {
  return sortedJson(value, "  ".repeat(depth));
}
var ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
var isArrayIndex = (key) => {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && ARRAY_INDEX.test(key) && Number(key) < 4294967295;
};
function sortedJson(value, indent) {
  if (value === null)
    return "null";
  if (typeof value !== "object")
    return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0)
      return "[]";
    let text2 = "[";
    for (let i = 0; i < value.length; i++)
      text2 += `${i ? ",\n" : "\n"}${inner}${sortedJson(value[i], inner) ?? "null"}`;
    return `${text2}
${indent}]`;
  }
  let keys = Object.keys(value).sort();
  if (keys.some(isArrayIndex))
    keys = [
      ...keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b)),
      ...keys.filter((k) => !isArrayIndex(k))
    ];
  let text = "";
  for (const key of keys) {
    if (key === "__proto__")
      continue;
    const member = sortedJson(value[key], inner);
    if (member !== void 0)
      text += `${text ? ",\n" : "{\n"}${inner}${JSON.stringify(key)}: ${member}`;
  }
  return text ? `${text}
${indent}}` : "{}";
}
var NOT_PLAIN = /* @__PURE__ */ Symbol("not plain");
var KEY_ORDERS = { next: void 0, sorted: void 0 };
var KEY_ORDERS_MAX = 4096;
var KEY_ORDER_KEY_MAX = 64;
var keyOrders = 0;
function inSortedOrder(value) {
  if (typeof value !== "object")
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : NOT_PLAIN;
  if (value === null)
    return value;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype)
      return NOT_PLAIN;
    let copy2;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value))
        return NOT_PLAIN;
      const item = value[i];
      const ordered = inSortedOrder(item);
      if (ordered === NOT_PLAIN)
        return NOT_PLAIN;
      if (ordered !== item && !copy2)
        copy2 = value.slice(0, i);
      copy2?.push(ordered);
    }
    return copy2 ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    return NOT_PLAIN;
  const members = value;
  let inOrder = true;
  let previous = "";
  let changed;
  let order = KEY_ORDERS;
  for (const key in members) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 || key === "__proto__")
      return NOT_PLAIN;
    if (key < previous)
      inOrder = false;
    previous = key;
    if (order) {
      let next = order.next?.get(key);
      if (!next && keyOrders < KEY_ORDERS_MAX && key.length <= KEY_ORDER_KEY_MAX) {
        next = { next: void 0, sorted: void 0 };
        order.next ??= /* @__PURE__ */ new Map();
        order.next.set(key, next);
        keyOrders++;
      }
      order = next;
    }
    const member = members[key];
    if (member === void 0 || member === null || typeof member === "string" || typeof member === "number" || typeof member === "boolean")
      continue;
    const ordered = inSortedOrder(member);
    if (ordered === NOT_PLAIN)
      return NOT_PLAIN;
    if (ordered !== member) {
      changed ??= [];
      changed.push(key, ordered);
    }
  }
  let copy;
  if (inOrder) {
    if (!changed)
      return value;
    copy = { ...members };
  } else {
    let keys = order?.sorted;
    if (!keys) {
      keys = Object.keys(members).sort();
      if (order)
        order.sorted = keys;
    }
    copy = {};
    for (const key of keys)
      copy[key] = members[key];
  }
  if (changed)
    for (let i = 0; i < changed.length; i += 2)
      copy[changed[i]] = changed[i + 1];
  return copy;
}
var BATCH = 32;
function plainItems(items, depth) {
  const ordered = items.map(inSortedOrder);
  if (ordered.includes(NOT_PLAIN))
    return void 0;
  let nested = ordered;
  let head2 = "";
  let tail = "";
  for (let level = 0; level < depth; level++) {
    nested = [nested];
    head2 += `[
${"  ".repeat(level + 1)}`;
    tail = `
${"  ".repeat(level)}]${tail}`;
  }
  const text = JSON.stringify(nested, null, 2);
  head2 += `[
${"  ".repeat(depth + 1)}`;
  tail = `
${"  ".repeat(depth)}]${tail}`;
  return text.slice(head2.length, text.length - tail.length);
}
function* arrayChunks(items, depth) {
  const pad = "  ".repeat(depth + 1);
  let first = true;
  let batch = [];
  function* flush() {
    if (batch.length === 0)
      return;
    const plain = plainItems(batch, depth);
    if (plain !== void 0) {
      yield `${first ? "[\n" : ",\n"}${pad}`;
      yield plain;
      first = false;
    } else
      for (const item of batch) {
        yield `${first ? "[\n" : ",\n"}${pad}${indented(item, depth + 1)}`;
        first = false;
      }
    batch = [];
  }
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH)
      yield* flush();
  }
  yield* flush();
  yield first ? "[]" : `
${"  ".repeat(depth)}]`;
}
function* jsonChunks(result) {
  const { passes: _compact, ...members } = result;
  const keys = Object.keys(members).filter((k) => members[k] !== void 0).sort();
  yield "{";
  for (const [i, key] of keys.entries()) {
    yield `${i ? "," : ""}
  ${JSON.stringify(key)}: `;
    if (key === "verdicts")
      yield* arrayChunks(verdictsInOrder(result), 1);
    else if (key === "rules")
      yield* arrayChunks([...result.rules].sort((a, b) => cmp(a.id, b.id)), 1);
    else
      yield indented(members[key], 1);
  }
  yield keys.length ? "\n}\n" : "}\n";
}
function toJson(result) {
  return [...jsonChunks(result)].join("");
}

// packages/reporters/dist/junit.js
function stripIllegalXml(text) {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}
function escapeXmlText(text) {
  return stripIllegalXml(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}
function escapeXmlAttribute(text) {
  return escapeXmlText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
function attrs(pairs) {
  return pairs.filter(([, v]) => v !== void 0).map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`).join("");
}
function baseName(v) {
  const id = v.targets?.length ? `[${v.targets.join(", ")}] ${v.resource.id}` : v.resource.id;
  if (v.location?.file)
    return `${id} (${formatPosition(v.location)})`;
  if (v.resource.file)
    return `${id} (${v.resource.file})`;
  return id;
}
function findingBody2(result, c) {
  const { verdict: v, rule } = c;
  const lines = [v.message, ""];
  lines.push(`Rule: ${v.ruleId}${v.alias ? ` (formerly ${v.alias})` : ""}${rule ? ` (${rule.title})` : ""}`);
  lines.push(`Priority: ${v.priority}`);
  if (v.targets?.length)
    lines.push(`Target: ${v.targets.join(", ")}`);
  lines.push(`Resource: ${v.resource.id} (${v.resource.kind} ${v.resource.name})`);
  if (v.location)
    lines.push(`Location: ${formatPosition(v.location)}`);
  else if (v.resource.file)
    lines.push(`Declared in: ${v.resource.file}`);
  for (const related of v.relatedLocations ?? [])
    lines.push(`Also at: ${formatPosition(related)}`);
  if (rule?.adrSection)
    lines.push(`ADR section: ${rule.adrSection}${result.adr ? ` (${result.adr.file})` : ""}`);
  if (v.concerns.length)
    lines.push(`Concerns: ${v.concerns.join(", ")}`);
  if (v.status === "fail")
    lines.push(`Certainty: ${v.certainty}`);
  if (v.status === "unknown")
    lines.push(`Could not decide: depends on ${dependsOnText(v)}`);
  if (v.assumed)
    lines.push(`Assumed: ${v.assumed}`);
  if (v.evidence.length) {
    lines.push("Evidence:");
    for (const e2 of v.evidence) {
      const expected = e2.expected !== void 0 ? ` (expected ${e2.expected})` : "";
      const at = e2.location ? ` at ${formatPosition(e2.location)}` : "";
      lines.push(`  - ${e2.path}: ${formatObserved(e2.observed)}${expected}${at}`);
    }
  }
  if ((v.status === "fail" || v.status === "unknown") && rule?.remediation.text) {
    lines.push(`Remediation: ${rule.remediation.text}`);
    for (const command of rule.remediation.commands ?? [])
      lines.push(`    ${command}`);
  }
  if (rule?.docsUrl)
    lines.push(`Documentation: ${rule.docsUrl}`);
  lines.push(`Fingerprint: ${v.fingerprint}`);
  return lines.join("\n");
}
function outcome(result, c) {
  const v = c.verdict;
  const body = () => escapeXmlText(findingBody2(result, c));
  switch (stateOf(v)) {
    case "pass":
      return "";
    case "fail":
      return `<failure${attrs([
        ["message", firstSentence(v.message) || v.ruleId],
        ["type", v.priority]
      ])}>${body()}</failure>`;
    case "error":
      return `<error${attrs([
        ["message", firstSentence(v.message) || `${v.ruleId} could not be checked`],
        ["type", v.messageId]
      ])}>${body()}</error>`;
    case "skip":
      return `<skipped${attrs([["message", v.message]])}/>`;
    case "suppressed": {
      const s = v.suppression;
      const expires = s.expires ? `; expires ${s.expires}` : "";
      return `<skipped${attrs([
        ["message", `suppressed (${s.kind}, ${s.source}): ${s.reason}${expires}`]
      ])}>${body()}</skipped>`;
    }
    case "unknown":
      if (result.gate.strict)
        return `<failure${attrs([
          ["message", `could not decide (strict): ${firstSentence(v.message)}`],
          ["type", v.priority]
        ])}>${body()}</failure>`;
      return `<skipped${attrs([
        ["message", `could not decide (depends on ${dependsOnText(v)}): ${firstSentence(v.message)}`]
      ])}>${body()}</skipped>`;
    case "assumed":
      return `<skipped${attrs([["message", `${v.assumed}: ${firstSentence(v.message)}`]])}>${body()}</skipped>`;
    case "baseline":
      return `<skipped${attrs([
        ["message", `unchanged since baseline ${result.baseline?.file ?? ""}: ${firstSentence(v.message)}`.trim()]
      ])}>${body()}</skipped>`;
  }
}
function count2(t, v, strict) {
  t.tests++;
  const s = stateOf(v);
  if (s === "fail" || s === "unknown" && strict)
    t.failures++;
  else if (s === "error")
    t.errors++;
  else if (s !== "pass")
    t.skipped++;
}
function toJUnit(result) {
  return [...junitChunks(result)].join("");
}
function* junitChunks(result) {
  const rules = rulesById(result);
  const index = verdictsByRule(result);
  const strict = result.gate.strict;
  const emptyTotals = () => ({ tests: 0, failures: 0, errors: 0, skipped: 0 });
  const areas = /* @__PURE__ */ new Map();
  const areaEntry = (area) => {
    const entry = areas.get(area) ?? { rules: /* @__PURE__ */ new Set(), totals: emptyTotals(), aliases: /* @__PURE__ */ new Map() };
    areas.set(area, entry);
    return entry;
  };
  for (const v of result.verdicts) {
    const entry = areaEntry(areaOf(rules.get(v.ruleId), v));
    entry.rules.add(v.ruleId);
    count2(entry.totals, v, strict);
    if (v.alias)
      entry.aliases.set(v.ruleId, (entry.aliases.get(v.ruleId) ?? /* @__PURE__ */ new Set()).add(v.alias));
  }
  for (const set of result.passes ?? []) {
    const id = passSetRuleId(set);
    const entry = areaEntry(areaOf(rules.get(id), { concerns: set.concerns }));
    entry.rules.add(id);
    entry.totals.tests += set.passes.length;
    const alias = set.stamp?.alias;
    if (alias && set.passes.length)
      entry.aliases.set(id, (entry.aliases.get(id) ?? /* @__PURE__ */ new Set()).add(alias));
  }
  const areaNames = [...areas.keys()].sort();
  const all = emptyTotals();
  for (const { totals } of areas.values()) {
    all.tests += totals.tests;
    all.failures += totals.failures;
    all.errors += totals.errors;
    all.skipped += totals.skipped;
  }
  const casesOf = (ruleId) => {
    const taken = /* @__PURE__ */ new Set();
    const rule = rules.get(ruleId);
    return index.of(ruleId).map((v) => {
      const classname = v.ruleId;
      let name = baseName(v);
      const key = (n) => `${classname}\0${stripIllegalXml(n)}`;
      if (taken.has(key(name)))
        name = `${name} [${v.fingerprint.slice(0, 12)}]`;
      for (let n = 2; taken.has(key(name)); n++)
        name = `${baseName(v)} [${v.fingerprint.slice(0, 12)}#${n}]`;
      taken.add(key(name));
      return { verdict: v, rule, classname, name };
    });
  };
  const common = [
    ["tool", `${result.tool.name} ${result.tool.version}`],
    ["environment", result.environment.name]
  ];
  if (result.environment.tier)
    common.push(["tier", result.environment.tier]);
  common.push(["gate", describeGate(result)]);
  if (result.adr)
    common.push(["adr", result.adr.file]);
  if (result.assumptions)
    common.push(["assumptions", result.assumptions.banner]);
  common.push(["excluded", String((result.excluded ?? []).length)]);
  for (const [i, x] of (result.excluded ?? []).entries())
    common.push([`excluded.${i + 1}`, `${x.path} (${x.reason}: ${x.detail})`]);
  if (result.baseline) {
    common.push(["baseline", result.baseline.file]);
    common.push(["baseline.fixed", String(result.baseline.fixed.length)]);
  }
  const timestamp = result.timestamps?.startedAt;
  const line = (text) => `${text}
`;
  yield line('<?xml version="1.0" encoding="UTF-8"?>');
  if (result.assumptions)
    yield line(`<!-- ${result.assumptions.banner.replace(/--/g, "- -")} -->`);
  yield line(`<testsuites${attrs([
    ["name", `${result.tool.name} ${result.environment.name}`],
    ["tests", all.tests],
    ["failures", all.failures],
    ["errors", all.errors],
    ["time", "0"]
  ])}>`);
  for (const area of areaNames) {
    const { rules: ruleIds, totals: t, aliases } = areas.get(area);
    const suiteRules = [...ruleIds].sort();
    const suiteCasesOf = (id) => casesOf(id).filter((c) => areaOf(c.rule, c.verdict) === area);
    yield line(`  <testsuite${attrs([
      ["name", area],
      ["tests", t.tests],
      ["failures", t.failures],
      ["errors", t.errors],
      ["skipped", t.skipped],
      ["time", "0"],
      ["timestamp", timestamp]
    ])}>`);
    const properties = [...common];
    for (const id of suiteRules) {
      const rule = rules.get(id);
      const concerns = rule?.concerns ?? suiteCasesOf(id)[0].verdict.concerns;
      properties.push([`${id}.concerns`, concerns.join(", ")]);
      if (rule?.adrSection)
        properties.push([`${id}.adrSection`, rule.adrSection]);
      const formerly = [...aliases.get(id) ?? []].sort();
      if (formerly.length)
        properties.push([`${id}.formerly`, formerly.join(", ")]);
    }
    yield line("    <properties>");
    for (const [name, value] of properties)
      yield line(`      <property${attrs([
        ["name", name],
        ["value", value]
      ])}/>`);
    yield line("    </properties>");
    for (const id of suiteRules)
      for (const c of suiteCasesOf(id)) {
        const head2 = `    <testcase${attrs([
          ["name", c.name],
          ["classname", c.classname],
          ["time", "0"]
        ])}`;
        const inner = outcome(result, c);
        yield line(inner ? `${head2}>
      ${inner}
    </testcase>` : `${head2}/>`);
      }
    yield line("  </testsuite>");
  }
  yield line("</testsuites>");
}

// packages/reporters/dist/markdown.js
var MARKDOWN_MAX_BYTES = 1024 * 1024 - 16 * 1024;
var LONE_SURROGATE2 = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
var BIDI_CONTROL2 = /[\u202a-\u202e\u2066-\u2069]/g;
function visibleBidi(c) {
  return `(U+${c.charCodeAt(0).toString(16).toUpperCase()})`;
}
function oneLine(text) {
  return text.replace(LONE_SURROGATE2, "\uFFFD").replace(BIDI_CONTROL2, visibleBidi).replace(/[\r\n\t\u2028\u2029]+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}
function mdText(text) {
  return oneLine(text).replace(/[\\`*_[\]<>~&!$#|]/g, (c) => `\\${c}`);
}
function mdCode(text, inTable = false) {
  const body = oneLine(text);
  if (!body)
    return "(empty)";
  if (inTable && body.includes("|"))
    return `<code>${mdText(body).replace(/\\\|/g, "&#124;")}</code>`;
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
function mdCodeBlock(lines) {
  const body = lines.map((l) => l.replace(LONE_SURROGATE2, "\uFFFD").replace(BIDI_CONTROL2, visibleBidi).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")).join("\n");
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}
${body}
${fence}`;
}
function html(text) {
  return oneLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function link(text, url) {
  try {
    return `[${mdText(text)}](<${new URL(url).href}>)`;
  } catch {
    return mdCode(url);
  }
}
function row(cells) {
  return `| ${cells.map((c) => c || " ").join(" | ")} |
`;
}
function tableHead(headers) {
  return row(headers) + row(headers.map(() => "---"));
}
var CUT_ORDER = ["skipped", "passed", "details", "baseline", "suppressions", "undecided", "errors", "fix"];
function listOf(group, noun, items, after) {
  return { group, noun, count: items.length, items: () => items, after };
}
function lazyList(group, noun, of, item, after) {
  return {
    group,
    noun,
    count: of.length,
    items: function* () {
      for (const entry of of)
        yield item(entry);
    },
    after
  };
}
var LEFT_OUT = (n) => `_\u2026and ${n} more left out to fit the size limit._

`;
var bytes = (s) => Buffer.byteLength(s, "utf8");
function assemble(parts, maxBytes) {
  const lists = parts.filter((p) => typeof p === "object");
  const keep = new Map(lists.map((l) => [l, l.count]));
  const prefix = new Map(lists.map((l) => {
    const sums = new Float64Array(l.count + 1);
    let i = 0;
    for (const item of l.items()) {
      sums[i + 1] = sums[i] + bytes(item);
      i++;
    }
    return [l, sums];
  }));
  const fixed = new Map(parts.filter((p) => typeof p === "string" && p !== "note").map((p) => [p, bytes(p)]));
  const note = () => {
    const left = [];
    for (const group of CUT_ORDER) {
      let n = 0;
      let noun = ["item", "items"];
      for (const l of lists.filter((x) => x.group === group)) {
        n += l.count - keep.get(l);
        noun = l.noun;
      }
      if (n)
        left.push(count(n, noun[0], noun[1]));
    }
    if (!left.length)
      return "";
    return `> **Note:** this report was shortened to stay under ${maxBytes} bytes (GitHub's job summary limit): left out ${left.join(", ")}. The JSON and SARIF reports have everything.

`;
  };
  const size = () => {
    let n = 0;
    for (const p of parts) {
      if (p === "note")
        n += bytes(note());
      else if (typeof p === "string")
        n += fixed.get(p);
      else {
        const kept = keep.get(p);
        const dropped = p.count - kept;
        n += prefix.get(p)[kept] + bytes(p.after) + (dropped ? bytes(LEFT_OUT(dropped)) : 0);
      }
    }
    return n;
  };
  const render = () => {
    const out2 = [];
    for (const p of parts) {
      if (p === "note")
        out2.push(note());
      else if (typeof p === "string")
        out2.push(p);
      else {
        const kept = keep.get(p);
        let i = 0;
        if (kept > 0)
          for (const item of p.items()) {
            out2.push(item);
            if (++i === kept)
              break;
          }
        const dropped = p.count - kept;
        out2.push(p.after + (dropped ? LEFT_OUT(dropped) : ""));
      }
    }
    return out2.join("");
  };
  const whole = size();
  if (whole <= maxBytes)
    return render();
  const ordered = CUT_ORDER.flatMap((g) => lists.filter((l) => l.group === g).reverse());
  let excess = whole - maxBytes + 1024;
  for (const l of ordered) {
    const sums = prefix.get(l);
    while (excess > 0 && keep.get(l) > 0) {
      const k = keep.get(l) - 1;
      keep.set(l, k);
      excess -= sums[k + 1] - sums[k];
    }
  }
  for (const l of ordered) {
    while (size() > maxBytes && keep.get(l) > 0)
      keep.set(l, keep.get(l) - 1);
  }
  const out = render();
  if (bytes(out) <= maxBytes)
    return out;
  const tail = "\n\n_\u2026report cut here to fit the size limit._\n";
  const room = Math.max(0, maxBytes - bytes(tail));
  const head2 = Buffer.from(out, "utf8").subarray(0, room).toString("utf8");
  const cut = head2.lastIndexOf("\n");
  return (cut > 0 ? head2.slice(0, cut) : "") + tail;
}
var STATE_ICON2 = {
  fail: "\u274C",
  baseline: "\u274C",
  assumed: "\u{1F538}",
  suppressed: "\u{1F515}",
  error: "\u26A0\uFE0F",
  unknown: "\u2754",
  pass: "\u2705",
  skip: "\u23ED\uFE0F"
};
function where2(v) {
  if (v.location?.file)
    return mdCode(formatPosition(v.location));
  if (v.resource.file)
    return mdCode(v.resource.file);
  return "no file (live resource)";
}
function resourceText(v) {
  const label = targetLabel(v);
  return label ? `${label} ${v.resource.id}` : v.resource.id;
}
function resourceCell(v) {
  return mdCode(resourceText(v), true);
}
function whereInTable(v) {
  if (v.location?.file)
    return mdCode(formatPosition(v.location), true);
  if (v.resource.file)
    return mdCode(v.resource.file, true);
  return "no file";
}
function positionText(v) {
  if (v.location?.file)
    return formatPosition(v.location);
  return v.resource.file ?? "no file";
}
function header(result) {
  const env = result.environment;
  const gate = result.gate;
  const lines = [];
  if (result.assumptions)
    lines.push(`> \u26A0\uFE0F ${mdText(result.assumptions.banner)}

`);
  lines.push(`# coditect-audit report: ${mdText(env.name)}

`);
  const threshold = gate.failOn === "none" ? "" : `at or above ${gate.failOn}`;
  if (gate.failOn === "none") {
    lines.push(`\u2796 **Gate off** (\`--fail-on none\`): findings are reported, none fails the run (exit code ${gate.exitCode}).

`);
  } else if (gate.status === "failed") {
    lines.push(`\u274C **Gate failed**: ${count(gate.failing, "finding")} ${threshold} (fail-on ${gate.failOn}, exit code ${gate.exitCode}).

`);
  } else if (gate.status === "incomplete") {
    lines.push(`\u26A0\uFE0F **Gate incomplete**: ${count(gate.incomplete, "check")} ${threshold} could not be run (fail-on ${gate.failOn}, exit code ${gate.exitCode}); --allow-incomplete accepts that.

`);
  } else {
    const waived = gate.incomplete ? `; ${count(gate.incomplete, "check")} could not be run (allowed)` : "";
    lines.push(`\u2705 **Gate passed**: no finding ${threshold} (fail-on ${gate.failOn}, exit code ${gate.exitCode})${waived}.

`);
  }
  if (gate.unknown && gate.failOn !== "none") {
    lines.push(gate.strict ? `\u2754 ${count(gate.unknown, "check")} ${threshold} could not be decided and fail${gate.unknown === 1 ? "s" : ""} the gate (\`--strict\`).

` : `\u2754 ${count(gate.unknown, "check")} ${threshold} could not be decided (not gating; \`--strict\` makes ${gate.unknown === 1 ? "it" : "them"} gate).

`);
  }
  return lines.join("");
}
function facts(result) {
  const env = result.environment;
  const lines = [`- **Environment:** ${mdCode(env.name)}${env.tier ? ` (tier ${mdCode(env.tier)})` : ""}`];
  lines.push(`- **Scanned:** ${mdCode(result.root)}`);
  if (env.configFile)
    lines.push(`- **Configuration:** ${mdCode(`${env.configFile}${env.configLine ? `:${env.configLine}` : ""}`)}`);
  if (result.adr)
    lines.push(`- **ADR:** ${mdCode(result.adr.file)}`);
  if (result.baseline)
    lines.push(`- **Baseline:** ${mdCode(result.baseline.file)}`);
  lines.push(`- **Tool:** ${mdText(`${result.tool.name} ${result.tool.version}`)}`);
  if (result.timestamps) {
    lines.push(`- **Started:** ${mdText(result.timestamps.startedAt)} \xB7 **finished:** ${mdText(result.timestamps.finishedAt)}`);
  }
  return `${lines.join("\n")}

`;
}
function scope(result) {
  const names = [
    ...LAYERS,
    ...Object.keys(result.layers).filter((l) => !LAYERS.includes(l)).sort()
  ];
  let out = "## Scope\n\n" + tableHead(["Layer", "Status", "Why"]);
  for (const name of names) {
    const state = result.layers[name];
    const status = !state ? "\u23ED\uFE0F not configured" : state.status === "collected" ? "\u2705 collected" : state.status === "failed" ? "\u26A0\uFE0F failed" : "\u23ED\uFE0F not configured";
    const why = [
      state?.reason ? mdText(state.reason) : "",
      ...(state?.skipped ?? []).map((k) => `not read: ${mdCode(k.path, true)}: ${mdText(k.reason)}`)
    ].filter(Boolean);
    out += row([mdText(name), status, why.join("<br>")]);
  }
  out += "\n";
  const excluded = result.excluded ?? [];
  const summary = exclusionSummary(result);
  if (!summary)
    return `${out}Every file of the scanned directory that the scanner reads was read.

`;
  out += `**Not scanned:** ${mdText(summary)}.

${tableHead(["Path", "Why", "Detail"])}`;
  for (const x of excluded.slice(0, EXCLUDED_SHOWN))
    out += row([mdCode(x.path), mdText(exclusionLabel(x.reason)), mdText(x.detail)]);
  if (excluded.length > EXCLUDED_SHOWN)
    out += `
${excluded.length - EXCLUDED_SHOWN} more in the JSON report.
`;
  return `${out}
`;
}
function byTarget(result) {
  const rows = targetRows(result);
  if (rows.length === 0)
    return "";
  const scoped = result.gate.targets?.length ? ` The gate fails only on ${result.gate.targets.map((t) => mdCode(t)).join(", ")} and on the environment as a whole.` : "";
  let out = `## By target

Every verdict about a server or cluster of the fleet names it.${scoped}

`;
  out += tableHead(["Target", "State", "P0", "P1", "P2", "\u26A0\uFE0F Error", "\u2705 Pass", "Fails the gate"]);
  const icon2 = { failing: "\u274C failing", incomplete: "\u26A0\uFE0F incomplete", passing: "\u2705 passing" };
  for (const r of rows) {
    const name = r.kind === "environment" ? `${mdCode(r.name)} (environment)` : mdCode(r.name);
    out += row([
      name,
      icon2[targetState(r)],
      String(r.failing.P0),
      String(r.failing.P1),
      String(r.failing.P2),
      String(r.errors),
      String(r.passed),
      r.gated ? String(r.gating) : "not gated"
    ]);
  }
  return `${out}
`;
}
function glance(result, rules) {
  const summary = summarize(result.verdicts, result.passes);
  let out = "## Readiness at a glance\n\n";
  out += tableHead(["Priority", "\u274C Fail", "\u26A0\uFE0F Error", "\u2754 Undecided", "\u2705 Pass", "\u23ED\uFE0F Skip", "\u{1F515} Suppressed"]);
  for (const p of PRIORITIES) {
    const c = summary.byPriority[p];
    out += row([
      p,
      String(c.fail),
      String(c.error),
      String(c.unknown),
      String(c.pass),
      String(c.skip),
      String(c.suppressed)
    ]);
  }
  const s = summary.byStatus;
  out += row([
    "**Total**",
    String(s.fail),
    String(s.error),
    String(s.unknown),
    String(s.pass),
    String(s.skip),
    String(s.suppressed)
  ]);
  out += "\n";
  const unchanged = result.verdicts.filter((v) => stateOf(v) === "baseline").length;
  if (unchanged) {
    out += unchanged === 1 ? "1 failing finding is unchanged since the baseline and does not fail the gate.\n\n" : `${unchanged} failing findings are unchanged since the baseline and do not fail the gate.

`;
  }
  const bySection = /* @__PURE__ */ new Map();
  const sectionOf = (section) => {
    const entry = bySection.get(section) ?? { verdicts: [], passes: 0 };
    bySection.set(section, entry);
    return entry;
  };
  for (const v of result.verdicts) {
    const rule = rules.get(v.ruleId);
    for (const section of rule ? splitAdrSection(rule.adrSection) : [])
      sectionOf(section).verdicts.push(v);
  }
  for (const set of result.passes ?? []) {
    const rule = rules.get(passSetRuleId(set));
    for (const section of rule ? splitAdrSection(rule.adrSection) : [])
      sectionOf(section).passes += set.passes.length;
  }
  if (bySection.size === 0)
    return out;
  out += "### By ADR section\n\n";
  for (const section of [...bySection.keys()].sort(compareAdrSections)) {
    const { verdicts: vs, passes } = bySection.get(section);
    const n = (state) => vs.filter((v) => stateOf(v) === state).length + (state === "pass" ? passes : 0);
    const failing = n("fail") + n("baseline");
    const icon2 = failing ? "\u274C" : n("error") || n("suppressed") || n("assumed") ? "\u26A0\uFE0F" : n("unknown") ? "\u2754" : n("pass") ? "\u2705" : "\u2796";
    const worst = failing ? ` (${[...new Set(vs.filter((v) => v.status === "fail" && !v.suppression).map((v) => v.priority))].sort().join(", ")})` : "";
    const parts = [
      failing ? `${failing} failing${worst}` : "",
      n("suppressed") ? `${n("suppressed")} suppressed` : "",
      n("error") ? `${n("error")} could not be checked` : "",
      n("unknown") ? `${n("unknown")} undecided` : "",
      n("assumed") ? `${n("assumed")} on assumed names` : "",
      n("pass") ? `${n("pass")} passed` : "",
      n("skip") ? `${n("skip")} skipped` : ""
    ].filter(Boolean);
    const line = result.adr?.sections[section];
    const at = result.adr && line ? ` \xB7 ${mdCode(`${result.adr.file}:${line}`)}` : "";
    out += `- ${icon2} **${mdText(section)}**: ${parts.join(", ")}${at}
`;
  }
  return `${out}
`;
}
function fixFirst(result, rules) {
  const gate = result.gate;
  const gating = result.verdicts.filter(failsGate).sort(compareByPriority);
  const otherFailing = result.verdicts.filter((v) => (stateOf(v) === "fail" || stateOf(v) === "assumed") && !failsGate(v)).length;
  const others = otherFailing ? ` ${count(otherFailing, "other failing finding")} below the gate's threshold ${otherFailing === 1 ? "is" : "are"} listed under Findings.` : "";
  let intro = "## Fix first\n\n";
  if (gate.failOn === "none")
    intro += `The gate is off (\`--fail-on none\`).${others}

`;
  else if (!gating.length)
    intro += `Nothing fails the gate.${others}

`;
  else
    intro += `${count(gating.length, "finding")} fail the gate (fail-on ${gate.failOn}), most urgent first, each with the commands that fix it.${others}

`;
  if (!gating.length)
    return [intro];
  const blocks = [];
  for (const p of PRIORITIES) {
    const ofPriority = gating.filter((v) => v.priority === p);
    const ruleIds = [...new Set(ofPriority.map((v) => v.ruleId))];
    ruleIds.forEach((id, i) => {
      const rule = rules.get(id);
      const vs = ofPriority.filter((v) => v.ruleId === id);
      let block = i === 0 ? `### ${p} \xB7 ${count(ofPriority.length, "finding")}

` : "";
      const formerly = [...new Set(vs.flatMap((v) => v.alias ? [v.alias] : []))].sort();
      const ids = [mdCode(id), ...formerly.length ? [`formerly ${formerly.map((a) => mdCode(a)).join(", ")}`] : []];
      block += `#### ${rule ? `${mdText(rule.title)} (${ids.join(", ")})` : ids.join(", ")}

`;
      if (rule) {
        const concerns = rule.concerns.map((c) => mdCode(c)).join(", ");
        block += `ADR section ${mdText(rule.adrSection)} \xB7 concerns ${concerns}

`;
      }
      for (const v of vs)
        block += `- ${where2(v)}: ${mdText(v.message)} (resource ${mdCode(resourceText(v))})
`;
      block += "\n";
      if (rule?.remediation.text)
        block += `**Fix:** ${mdText(rule.remediation.text)}

`;
      if (rule?.remediation.commands?.length)
        block += `${mdCodeBlock(rule.remediation.commands)}

`;
      if (rule?.docsUrl)
        block += `${link("Rule documentation", rule.docsUrl)}

`;
      blocks.push(block);
    });
  }
  return [intro, listOf("fix", ["rule to fix", "rules to fix"], blocks, "")];
}
function locationsCell(locs) {
  return locs.map((l) => mdCode(formatPosition(l), true)).join(", ");
}
function detail2(v, rule) {
  const state = stateOf(v);
  const label = state === "suppressed" ? " (suppressed)" : state === "baseline" ? " (unchanged since baseline)" : state === "assumed" ? " (assumed ADR-001 name, does not gate)" : state === "unknown" ? " (could not decide)" : "";
  const summary = `${STATE_ICON2[state]} ${v.priority}${label} \xB7 ${v.ruleId} \xB7 ${resourceText(v)} \xB7 ${positionText(v)}`;
  let out = `<details>
<summary>${html(summary)}</summary>

${mdText(v.message)}

`;
  out += tableHead(["Field", "Value"]);
  const fields = [
    [
      "Rule",
      `${mdCode(v.ruleId, true)}${v.alias ? ` (formerly ${mdCode(v.alias, true)})` : ""}${rule ? `: ${mdText(rule.title)}` : ""}`
    ],
    ["Priority", `${v.priority}${failsGate(v) ? " (fails the gate)" : ""}`],
    [
      "Resource",
      `${resourceCell(v)} (${mdText(v.resource.kind)} ${mdText(v.resource.name)}${v.resource.namespace ? ` in ${mdText(v.resource.namespace)}` : ""})`
    ],
    ["Location", whereInTable(v)]
  ];
  if (v.targets?.length)
    fields.splice(2, 0, ["Target", v.targets.map((t) => mdCode(t, true)).join(", ")]);
  if (v.relatedLocations?.length)
    fields.push(["Also at", locationsCell(v.relatedLocations)]);
  if (rule?.adrSection)
    fields.push(["ADR section", mdText(rule.adrSection)]);
  if (v.concerns.length)
    fields.push(["Concerns", v.concerns.map((c) => mdCode(c, true)).join(", ")]);
  fields.push(["Certainty", v.certainty]);
  if (v.dependsOn?.length)
    fields.push(["Depends on", v.dependsOn.map((d) => mdCode(d, true)).join(", ")]);
  if (v.assumed)
    fields.push(["Assumed", mdText(v.assumed)]);
  if (v.suppression) {
    const s = v.suppression;
    fields.push([
      "Suppressed",
      `${mdText(s.reason)} (${s.kind}, ${mdCode(s.source, true)}${s.expires ? `, expires ${mdText(s.expires)}` : ""})`
    ]);
  }
  if (v.baselineState)
    fields.push(["Baseline", v.baselineState]);
  fields.push(["Fingerprint", mdCode(v.fingerprint, true)]);
  for (const [k, val] of fields)
    out += row([k, val]);
  out += "\n";
  if (v.evidence.length) {
    out += "**Evidence**\n\n" + tableHead(["Field", "Observed", "Expected", "At"]);
    for (const e2 of v.evidence) {
      out += row([
        mdCode(e2.path, true),
        mdCode(formatObserved(e2.observed), true),
        e2.expected !== void 0 ? mdText(e2.expected) : "",
        e2.location ? mdCode(formatPosition(e2.location), true) : ""
      ]);
    }
    out += "\n";
  }
  if (rule?.docsUrl)
    out += `${link("Rule documentation", rule.docsUrl)}

`;
  return `${out}</details>

`;
}
function findings(result, rules) {
  const failing = result.verdicts.filter((v) => v.status === "fail").sort(compareByPriority);
  if (!failing.length)
    return ["## Findings\n\nNo failing findings.\n\n"];
  return [
    `## Findings

${count(failing.length, "failing finding")}, most urgent first.

`,
    lazyList("details", ["finding detail", "finding details"], failing, (v) => detail2(v, rules.get(v.ruleId)), "")
  ];
}
function errorsSection2(result) {
  const errors = result.verdicts.filter((v) => v.status === "error").sort(compareByPriority);
  if (!errors.length)
    return [];
  return [
    `## Could not check

${count(errors.length, "check")} could not be run; an error is never a pass.

` + tableHead(["Priority", "Rule", "Resource", "Location", "Why"]),
    lazyList("errors", ["error", "errors"], errors, (v) => row([v.priority, mdCode(v.ruleId, true), resourceCell(v), whereInTable(v), mdText(v.message)]), "\n")
  ];
}
function undecidedSection2(result) {
  const undecided = result.verdicts.filter((v) => v.status === "unknown").sort(compareByPriority);
  if (!undecided.length)
    return [];
  const gates = result.gate.strict ? "they fail the gate (`--strict`)" : "they do not fail the gate unless `--strict` (config `strict: true`)";
  return [
    `## Could not decide

${count(undecided.length, "check")} read ${undecided.length === 1 ? "its input" : "their inputs"} but could not decide from ${undecided.length === 1 ? "it" : "them"}: never a fail, never a pass; ${gates}. Set the value in the repository (a variable default, \`terraform.tfvars\`) or check the live layer.

` + tableHead(["Priority", "Rule", "Resource", "Location", "Depends on", "Why"]),
    lazyList("undecided", ["undecided check", "undecided checks"], undecided, (v) => row([
      v.priority,
      mdCode(v.ruleId, true),
      mdCode(v.resource.id, true),
      whereInTable(v),
      (v.dependsOn ?? []).map((d) => mdCode(d, true)).join(", "),
      mdText(v.message)
    ]), "\n")
  ];
}
function suppressionsSection(result) {
  const applied = result.verdicts.filter((v) => stateOf(v) === "suppressed").sort(compareVerdicts);
  const { unused, expired } = result.suppressions;
  if (!applied.length && !unused.length && !expired.length)
    return [];
  const parts = ["## Suppressions\n\n"];
  if (applied.length) {
    parts.push(`### Applied (${applied.length})

` + tableHead(["Rule", "Resource", "Reason", "Expires", "Where"]));
    parts.push(lazyList("suppressions", ["suppression", "suppressions"], applied, (v) => {
      const s = v.suppression;
      return row([
        mdCode(v.ruleId, true),
        resourceCell(v),
        mdText(s.reason),
        s.expires ? mdText(s.expires) : "",
        `${s.kind} ${mdCode(s.source, true)}`
      ]);
    }, "\n"));
  }
  const entries = (title, list, note) => {
    if (!list.length)
      return;
    parts.push(`### ${title} (${list.length})

${note}

` + tableHead(["Rule", "Resource", "Reason", "Expires", "Where"]));
    parts.push(lazyList("suppressions", ["suppression", "suppressions"], list, (s) => row([
      mdCode(s.rule, true),
      s.resource ? mdCode(s.resource, true) : "any",
      mdText(s.reason),
      s.expires ? mdText(s.expires) : "",
      `${s.kind} ${mdCode(s.source, true)}`
    ]), "\n"));
  };
  entries("Expired", expired, "These no longer apply: renew them with a new date or fix the findings.");
  entries("Unused", unused, "These matched no failing finding: remove them.");
  return parts;
}
function baselineSection(result) {
  if (!result.baseline)
    return [];
  const failing = result.verdicts.filter((v) => v.status === "fail");
  const fresh = failing.filter((v) => v.baselineState !== "unchanged").sort(compareByPriority);
  const unchanged = failing.length - fresh.length;
  const fixed = result.baseline.fixed;
  const parts = [
    `## Against the baseline

Baseline ${mdCode(result.baseline.file)}: ${fresh.length} new, ${unchanged} unchanged, ${fixed.length} fixed.

`
  ];
  if (fresh.length) {
    parts.push(`### New (${fresh.length})

` + tableHead(["Priority", "Rule", "Resource", "Location"]));
    parts.push(lazyList("baseline", ["baseline entry", "baseline entries"], fresh, (v) => row([v.priority, mdCode(v.ruleId, true), resourceCell(v), whereInTable(v)]), "\n"));
  }
  if (fixed.length) {
    parts.push(`### Fixed (${fixed.length})

` + tableHead(["Rule", "Resource", "Fingerprint"]));
    parts.push(lazyList("baseline", ["baseline entry", "baseline entries"], fixed, (f) => row([mdCode(f.ruleId, true), mdCode(f.resource, true), mdCode(f.fingerprint, true)]), "\n"));
  }
  return parts;
}
function passedAndSkipped(result) {
  const passedCount = result.verdicts.filter((v) => v.status === "pass").length + compactPassCount(result);
  const skipped = result.verdicts.filter((v) => v.status === "skip").sort(compareVerdicts);
  if (!passedCount && !skipped.length)
    return [];
  const parts = ["## Passed and skipped\n\n"];
  if (passedCount) {
    parts.push(`<details>
<summary>\u2705 ${html(count(passedCount, "passed check"))}</summary>

` + tableHead(["Rule", "Resource", "Location"]));
    parts.push({
      group: "passed",
      noun: ["passed check", "passed checks"],
      count: passedCount,
      items: function* () {
        for (const v of verdictsInOrder(result, (v2) => v2.status === "pass"))
          yield row([mdCode(v.ruleId, true), resourceCell(v), whereInTable(v)]);
      },
      after: "\n</details>\n\n"
    });
  }
  if (skipped.length) {
    parts.push(`<details>
<summary>\u23ED\uFE0F ${html(count(skipped.length, "skipped check"))}</summary>

` + tableHead(["Rule", "Resource", "Why"]));
    parts.push(lazyList("skipped", ["skipped check", "skipped checks"], skipped, (v) => row([mdCode(v.ruleId, true), resourceCell(v), mdText(v.message)]), "\n</details>\n\n"));
  }
  return parts;
}
function toMarkdown(result, options = {}) {
  const rules = rulesById(result);
  const parts = [
    header(result),
    "note",
    facts(result),
    scope(result),
    glance(result, rules),
    byTarget(result),
    ...fixFirst(result, rules),
    ...errorsSection2(result),
    ...undecidedSection2(result),
    ...findings(result, rules),
    ...suppressionsSection(result),
    ...baselineSection(result),
    ...passedAndSkipped(result)
  ];
  return `${assemble(parts, options.maxBytes ?? MARKDOWN_MAX_BYTES).trimEnd()}
`;
}

// packages/reporters/dist/sarif.js
import { once } from "node:events";
import { createGzip, gzipSync } from "node:zlib";
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var TOOL_INFORMATION_URI = "https://github.com/coditect-ai/coditect-audit";
var FINGERPRINT_KEY = "coditectFinding/v1";
var SARIF_MAX_RESULTS = 25e3;
var SARIF_MAX_GZIP_BYTES = 1e7;
var MAX_TAGS = 20;
var MAX_DESCRIPTION = 1024;
var MAX_NAME = 255;
var MAX_RELATED_LOCATIONS = 1e3;
var SARIF_LEVEL = { P0: "error", P1: "error", P2: "warning" };
var SECURITY_SEVERITY = { P0: "9.5", P1: "8.0", P2: "5.5" };
function pathToUri(file) {
  const normalized = file.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD").replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  if (!normalized.trim())
    return void 0;
  return normalized.split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
function positive(n) {
  if (n === void 0 || !Number.isFinite(n))
    return void 0;
  return Math.max(1, Math.trunc(n));
}
function physicalLocation(loc) {
  const uri = pathToUri(loc.file);
  if (!uri)
    return void 0;
  const region = { startLine: positive(loc.startLine) ?? 1 };
  const startColumn = positive(loc.startColumn);
  const endLine = positive(loc.endLine);
  const endColumn = positive(loc.endColumn);
  if (startColumn !== void 0)
    region.startColumn = startColumn;
  if (endLine !== void 0)
    region.endLine = endLine;
  if (endColumn !== void 0)
    region.endColumn = endColumn;
  return { artifactLocation: { uri, uriBaseId: "%SRCROOT%" }, region };
}
function asUrl(text) {
  try {
    return new URL(text).href;
  } catch {
    return void 0;
  }
}
function fenceFor(content) {
  const longest = Math.max(0, ...Array.from(content.matchAll(/`+/g), (m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}
function nonEmpty(text, fallback) {
  return text?.trim() ? text : fallback;
}
function ruleDescriptor(rule, lowCertaintyRules) {
  const priority = rule.resolvedPriority;
  const title = nonEmpty(rule.title, rule.id);
  const description = nonEmpty(rule.description, title);
  const commands = rule.remediation.commands ?? [];
  const concerns = rule.concerns.filter(Boolean);
  const lowCertainty = lowCertaintyRules.has(rule.id);
  const helpUri = asUrl(rule.docsUrl);
  const textParts = [description];
  if (rule.rationale)
    textParts.push(`Why it matters (ADR section ${rule.adrSection}): ${rule.rationale}`);
  if (rule.remediation.text)
    textParts.push(`How to fix: ${rule.remediation.text}`);
  if (commands.length)
    textParts.push(commands.map((c) => `    ${c}`).join("\n"));
  textParts.push(`Concerns: ${concerns.join(", ") || "none"}. Priority: ${priority}.${helpUri ? ` Documentation: ${helpUri}` : ""}`);
  const mdParts = [description];
  if (rule.rationale)
    mdParts.push(`**Why it matters (ADR section ${rule.adrSection}):** ${rule.rationale}`);
  if (rule.remediation.text)
    mdParts.push(`**How to fix:** ${rule.remediation.text}`);
  if (commands.length) {
    const body = commands.join("\n");
    const fence = fenceFor(body);
    mdParts.push(`${fence}
${body}
${fence}`);
  }
  const concernList = concerns.map((c) => `\`${c}\``).join(", ") || "none";
  mdParts.push(`Concerns: ${concernList} \xB7 Priority: ${priority}${helpUri ? ` \xB7 [Rule documentation](<${helpUri}>)` : ""}`);
  const tags = [.../* @__PURE__ */ new Set(["security", priority, `layer:${rule.layer}`, ...concerns])].slice(0, MAX_TAGS);
  const properties = {
    tags,
    "security-severity": SECURITY_SEVERITY[priority],
    precision: lowCertainty ? "medium" : "high",
    priority,
    concerns,
    layer: rule.layer,
    adrSection: rule.adrSection
  };
  if (rule.benchmarks.length) {
    properties.benchmarks = rule.benchmarks.map((b) => ({
      standard: b.standard,
      id: b.id,
      ...b.title ? { title: b.title } : {}
    }));
  }
  return {
    id: rule.id,
    ...rule.aliases.length ? { deprecatedIds: [...new Set(rule.aliases)] } : {},
    name: clip(pascalCase(rule.id) || rule.id, MAX_NAME),
    shortDescription: { text: clip(title, MAX_DESCRIPTION) },
    fullDescription: { text: clip(description, MAX_DESCRIPTION) },
    help: { text: textParts.join("\n\n"), markdown: mdParts.join("\n\n") },
    ...helpUri ? { helpUri } : {},
    defaultConfiguration: { level: SARIF_LEVEL[priority] },
    properties
  };
}
function placeholderRule(v) {
  return {
    id: v.ruleId,
    aliases: [],
    title: v.ruleId,
    concerns: v.concerns,
    layer: "files",
    facets: [],
    priority: { default: v.priority },
    resolvedPriority: v.priority,
    description: v.ruleId,
    rationale: "",
    remediation: { text: "" },
    benchmarks: [],
    adrSection: "",
    docsUrl: ""
  };
}
function evidenceOf(v) {
  return v.evidence.map((e2) => {
    const out = { path: e2.path, observed: e2.observed };
    if (e2.expected !== void 0)
      out.expected = e2.expected;
    if (e2.location)
      out.location = locationBag(e2.location);
    return out;
  });
}
function locationBag(loc) {
  const out = { file: loc.file, startLine: loc.startLine };
  if (loc.startColumn !== void 0)
    out.startColumn = loc.startColumn;
  if (loc.endLine !== void 0)
    out.endLine = loc.endLine;
  if (loc.endColumn !== void 0)
    out.endColumn = loc.endColumn;
  return out;
}
function resourceBag(v) {
  const r = v.resource;
  const out = { id: r.id, kind: r.kind, name: r.name };
  if (r.namespace !== void 0)
    out.namespace = r.namespace;
  if (r.file !== void 0)
    out.file = r.file;
  if (v.targets?.length)
    out.targets = [...v.targets];
  return out;
}
function withTarget(v, text) {
  return v.targets?.length ? `[${v.targets.join(", ")}] ${text}` : text;
}
function listSome(items, max = 10) {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
function toSarif(result, options = {}) {
  const plan = planSarif(result, options);
  return [...plan.text(fittingSync(plan))].join("");
}
function buildSarif(result, options = {}) {
  const plan = planSarif(result, options);
  return plan.log(fittingSync(plan));
}
async function* sarifChunks(result, options = {}) {
  const plan = planSarif(result, options);
  let kept = plan.most;
  if (await gzippedSizeOf(plan.text(kept)) > plan.maxGzipBytes) {
    let low = 0;
    let high = kept - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (await gzippedSizeOf(plan.text(mid)) <= plan.maxGzipBytes)
        low = mid;
      else
        high = mid - 1;
    }
    kept = low;
  }
  yield* plan.text(kept);
}
function fittingSync(plan) {
  const size = (kept2) => gzipSync([...plan.text(kept2)].join("")).length;
  let kept = plan.most;
  if (size(kept) > plan.maxGzipBytes) {
    let low = 0;
    let high = kept - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (size(mid) <= plan.maxGzipBytes)
        low = mid;
      else
        high = mid - 1;
    }
    kept = low;
  }
  return kept;
}
async function gzippedSizeOf(pieces) {
  const gzip = createGzip();
  let size = 0;
  gzip.on("data", (b) => {
    size += b.length;
  });
  const ended = once(gzip, "end");
  let batch = [];
  let batched = 0;
  for (const piece of pieces) {
    batch.push(piece);
    batched += piece.length;
    if (batched >= 1 << 16) {
      if (!gzip.write(batch.join("")))
        await once(gzip, "drain");
      batch = [];
      batched = 0;
    }
  }
  gzip.end(batch.join(""));
  await ended;
  return size;
}
var RESULTS_PLACE = "\0coditect-audit:sarif-results\0";
var RESULT_PAD = " ".repeat(8);
function planSarif(result, options) {
  const maxResults = Math.max(0, Math.trunc(options.maxResults ?? SARIF_MAX_RESULTS));
  const maxGzipBytes = options.maxGzipBytes ?? SARIF_MAX_GZIP_BYTES;
  const verdicts = sortedVerdicts(result);
  const known = rulesById(result);
  const ruleMetas = [...result.rules].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const seenIds = new Set(ruleMetas.map((r) => r.id));
  for (const v of verdicts) {
    if (!seenIds.has(v.ruleId)) {
      seenIds.add(v.ruleId);
      ruleMetas.push(placeholderRule(v));
    }
  }
  ruleMetas.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const uniqueRules = ruleMetas.filter((r, i) => i === 0 || ruleMetas[i - 1].id !== r.id);
  const ruleIndex = new Map(uniqueRules.map((r, i) => [r.id, i]));
  const lowCertaintyRules = new Set(verdicts.filter((v) => v.certainty === "low").map((v) => v.ruleId));
  const rules = uniqueRules.map((r) => ruleDescriptor(r, lowCertaintyRules));
  const withBaseline = result.baseline !== void 0;
  const candidates = [];
  const errors = [];
  const unplaced = [];
  let suppressedLeftOut = 0;
  for (const v of verdicts) {
    const rule = known.get(v.ruleId);
    const index = ruleIndex.get(v.ruleId);
    if (v.status === "error") {
      const placed2 = v.location?.file ? v.location : v.resource.file ? { file: v.resource.file, startLine: 1 } : void 0;
      const physical2 = placed2 ? physicalLocation(placed2) : void 0;
      errors.push({
        level: "error",
        message: { text: withTarget(v, nonEmpty(v.message, `${v.ruleId} could not be checked`)) },
        descriptor: { id: v.ruleId },
        associatedRule: { id: v.ruleId, index },
        ...physical2 ? { locations: [{ physicalLocation: physical2 }] } : {},
        properties: { priority: v.priority, resource: resourceBag(v), reason: v.messageId }
      });
      continue;
    }
    if (v.status !== "fail" && v.status !== "unknown")
      continue;
    if (v.suppression && !options.includeSuppressed) {
      suppressedLeftOut++;
      continue;
    }
    const placed = placeFinding(result, rule, v);
    const physical = placed ? physicalLocation(placed.location) : void 0;
    if (!placed || !physical) {
      unplaced.push(`${v.ruleId} on ${v.resource.id}`);
      continue;
    }
    candidates.push({ verdict: v, rule, index, physical, source: placed.source });
  }
  const resultOf = (c) => {
    const { verdict: v, rule, index, physical, source } = c;
    const related = (v.relatedLocations ?? []).map((loc) => physicalLocation(loc)).filter((p) => p !== void 0).slice(0, MAX_RELATED_LOCATIONS).map((p, i) => ({ id: i + 1, physicalLocation: p }));
    const properties = {
      priority: v.priority,
      concerns: [...v.concerns],
      adrSection: rule?.adrSection ?? "",
      certainty: v.certainty,
      resource: resourceBag(v),
      evidence: evidenceOf(v),
      locationSource: source,
      ...v.status === "unknown" ? { undecided: true, dependsOn: [...v.dependsOn ?? []] } : {},
      ...v.assumed ? { assumed: v.assumed } : {}
    };
    const level = v.status === "unknown" ? result.gate.strict ? "warning" : "note" : v.assumed ? "warning" : SARIF_LEVEL[v.priority];
    const sarifResult = {
      ruleId: v.ruleId,
      ruleIndex: index,
      level,
      message: { text: withTarget(v, nonEmpty(v.message, rule?.title || v.ruleId)) },
      locations: [{ physicalLocation: physical }],
      ...related.length ? { relatedLocations: related } : {},
      partialFingerprints: { [FINGERPRINT_KEY]: v.fingerprint },
      // SARIF: when one result has a baselineState, every result must.
      ...withBaseline ? { baselineState: v.baselineState ?? "new" } : {},
      ...v.suppression ? {
        suppressions: [
          {
            kind: v.suppression.kind === "inline" ? "inSource" : "external",
            status: "accepted",
            justification: v.suppression.reason,
            properties: {
              source: v.suppression.source,
              ...v.suppression.expires ? { expires: v.suppression.expires } : {}
            }
          }
        ]
      } : {},
      properties
    };
    return sarifResult;
  };
  candidates.sort((a, b) => compareByPriority(a.verdict, b.verdict));
  const notes = [];
  if (unplaced.length) {
    notes.push({
      level: "warning",
      message: {
        text: `${count(unplaced.length, "finding")} left out of this SARIF file: no repository file declares the resource, and there is neither an ADR document (config "adr:") nor a configuration entry to point at (${listSome(unplaced)}). The JSON, JUnit and Markdown reports list them.`
      },
      descriptor: { id: "coditect-audit/finding-without-location" }
    });
  }
  if (suppressedLeftOut) {
    notes.push({
      level: "note",
      message: {
        text: `${count(suppressedLeftOut, "suppressed finding")} left out (GitHub code scanning ignores SARIF suppressions and would open them as alerts); --sarif-include-suppressed includes them.`
      },
      descriptor: { id: "coditect-audit/suppressed-left-out" }
    });
  }
  const config = [
    ...result.assumptions ? [
      {
        level: "warning",
        message: { text: result.assumptions.banner },
        descriptor: { id: "coditect-audit/adr-names-assumed" }
      }
    ] : [],
    ...result.suppressions.expired.map((s) => ({
      level: "warning",
      message: {
        text: `Suppression of ${s.rule}${s.resource ? ` on ${s.resource}` : ""} expired on ${s.expires ?? "?"} and no longer applies (${s.source}).`
      },
      descriptor: { id: "coditect-audit/suppression-expired" }
    })),
    ...result.suppressions.unused.map((s) => ({
      level: "note",
      message: {
        text: `Suppression of ${s.rule}${s.resource ? ` on ${s.resource}` : ""} matched no failing finding (${s.source}); remove it.`
      },
      descriptor: { id: "coditect-audit/suppression-unused" }
    }))
  ];
  const build = (kept, results) => {
    const dropped = candidates.slice(kept);
    const truncation = [];
    if (dropped.length) {
      const byPriority = PRIORITIES.map((p) => [p, dropped.filter((c) => c.verdict.priority === p).length]).filter(([, n]) => n > 0).map(([p, n]) => `${n} ${p}`).join(", ");
      truncation.push({
        level: "warning",
        message: {
          text: `${dropped.length} of ${candidates.length} results left out to stay within GitHub code scanning limits (${maxResults} results per run, ${maxGzipBytes} bytes gzipped): kept the ${kept} most urgent; left out ${byPriority}. The JSON, JUnit and Markdown reports list every finding.`
        },
        descriptor: { id: "coditect-audit/results-truncated" }
      });
    }
    const execution = [...errors, ...notes, ...truncation];
    const invocation = {
      executionSuccessful: errors.length === 0,
      exitCode: result.gate.exitCode,
      exitCodeDescription: `gate ${result.gate.status}`,
      ...result.timestamps && DATE_TIME.test(result.timestamps.startedAt) ? { startTimeUtc: result.timestamps.startedAt } : {},
      ...result.timestamps && DATE_TIME.test(result.timestamps.finishedAt) ? { endTimeUtc: result.timestamps.finishedAt } : {},
      ...execution.length ? { toolExecutionNotifications: execution } : {},
      ...config.length ? { toolConfigurationNotifications: config } : {},
      properties: {
        gate: {
          status: result.gate.status,
          failOn: result.gate.failOn,
          failing: result.gate.failing,
          incomplete: result.gate.incomplete,
          unknown: result.gate.unknown,
          allowIncomplete: result.gate.allowIncomplete,
          strict: result.gate.strict
        }
      }
    };
    const version = result.tool.version;
    return {
      $schema: SARIF_SCHEMA_URI,
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "coditect-audit",
              version,
              ...SEMVER.test(version) ? { semanticVersion: version } : {},
              informationUri: TOOL_INFORMATION_URI,
              rules
            }
          },
          automationDetails: { id: `coditect-audit/${result.environment.name}/` },
          invocations: [invocation],
          results: results ?? candidates.slice(0, kept).map(resultOf),
          properties: {
            environment: {
              name: result.environment.name,
              ...result.environment.tier ? { tier: result.environment.tier } : {}
            },
            ...result.baseline ? { baseline: result.baseline.file } : {},
            ...result.assumptions ? { assumptions: result.assumptions.names } : {},
            // What the scan did not read and why (every report lists it; docs/security.md).
            excluded: (result.excluded ?? []).map((x) => ({ path: x.path, reason: x.reason, detail: x.detail }))
          }
        }
      ]
    };
  };
  const text = function* (kept) {
    if (kept === 0) {
      yield `${JSON.stringify(build(0, []), null, 2)}
`;
      return;
    }
    const frame = JSON.stringify(build(kept, [RESULTS_PLACE]), null, 2);
    const place = JSON.stringify(RESULTS_PLACE);
    const at = frame.indexOf(place);
    if (at < 0 || frame.indexOf(place, at + 1) >= 0) {
      yield `${JSON.stringify(build(kept, void 0), null, 2)}
`;
      return;
    }
    yield frame.slice(0, at);
    for (let i = 0; i < kept; i++) {
      const item = JSON.stringify(resultOf(candidates[i]), null, 2).replace(/\n/g, `
${RESULT_PAD}`);
      yield i ? `,
${RESULT_PAD}${item}` : item;
    }
    yield `${frame.slice(at + place.length)}
`;
  };
  return {
    most: Math.min(candidates.length, maxResults),
    maxGzipBytes,
    log: (kept) => build(kept, void 0),
    text
  };
}
var DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

// packages/reporters/dist/index.js
var REPORTER_NAMES = ["console", "sarif", "junit", "markdown", "json", "html"];
var REPORTERS = {
  console: {
    render: (result, options = {}) => toConsole(result, {
      color: options.color ?? false,
      ...options.width ? { width: options.width } : {},
      ...options.includePasses ? { includePasses: true } : {}
    })
  },
  sarif: {
    fileName: "coditect-audit.sarif",
    render: (result, options = {}) => toSarif(result, sarifOptions(options)),
    chunks: (result, options = {}) => sarifChunks(result, sarifOptions(options))
  },
  junit: {
    fileName: "coditect-audit.junit.xml",
    render: (result) => toJUnit(result),
    chunks: (result) => junitChunks(result)
  },
  markdown: {
    fileName: "coditect-audit.md",
    render: (result, options = {}) => toMarkdown(result, options.maxBytes !== void 0 ? { maxBytes: options.maxBytes } : {})
  },
  json: {
    fileName: "coditect-audit.json",
    render: (result) => toJson(result),
    chunks: (result) => jsonChunks(result)
  },
  html: {
    fileName: "coditect-audit.html",
    render: (result) => toHtml(result),
    chunks: (result) => htmlChunks(result)
  }
};
function sarifOptions(options) {
  return {
    ...options.includeSuppressed !== void 0 ? { includeSuppressed: options.includeSuppressed } : {},
    ...options.maxResults !== void 0 ? { maxResults: options.maxResults } : {}
  };
}
function isReporterName(name) {
  return REPORTER_NAMES.includes(name);
}
export {
  CONSOLE_WIDTH,
  FINGERPRINT_KEY,
  MARKDOWN_MAX_BYTES,
  REPORTERS,
  REPORTER_NAMES,
  SARIF_LEVEL,
  SARIF_MAX_GZIP_BYTES,
  SARIF_MAX_RESULTS,
  SECURITY_SEVERITY,
  areaOf,
  buildSarif,
  escapeHtml,
  escapeXmlAttribute,
  escapeXmlText,
  failsGate,
  htmlChunks,
  isReporterName,
  jsonChunks,
  junitChunks,
  mdCode,
  mdCodeBlock,
  mdText,
  pathToUri,
  placeFinding,
  sarifChunks,
  sortKeys,
  stripIllegalXml,
  terminalSafe,
  toConsole,
  toHtml,
  toJUnit,
  toJson,
  toMarkdown,
  toSarif,
  wrapLine
};
