// Biståndsguiden chat page: plain JavaScript, no build step, no inline scripts (CSP 'self').
"use strict";

(function () {
  const API_CHAT = "/api/v1/chat";
  const API_VERSIONS = "/api/v1/versions";
  // The only thing kept in the browser: this tab's conversation id (sessionStorage). The
  // conversation itself is read back from Rasa's tracker store after a reload.
  const SESSION_KEY = "bistandsguiden-samtal";
  const money = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
  const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december"];
  // Status of a calculator parameter or input → Swedish label and badge style.
  const ROW_STATUS = {
    official: null,
    indata: null,
    municipal: ["kommunal riktlinje", "info"],
    convention: ["vald beräkningsregel", "info"],
    unverified: ["ej verifierad källa", "warn"],
    unknown: ["okänd källa", "warn"],
  };
  // Currency of a SOSFS 2003:5 section in the current advice (knowledge/currency.py) → style.
  const CURRENCY_KIND = {
    "kvar i sak": "ok",
    "ändrat": "warn",
    "borttaget": "bad",
    "ej kontrollerat": "info",
  };
  const GROUPS = [
    ["riksnorm", "Riksnorm"],
    ["kostnad", "Skäliga kostnader"],
    ["inkomst", "Inkomster"],
  ];

  const $ = (id) => document.getElementById(id);
  const log = $("meddelanden");
  const list = $("meddelandelista");
  const form = $("formular");
  const input = $("meddelande");
  const sendButton = $("skicka");
  const status = $("status");
  const factsList = $("uppgifter");
  const factsEmpty = $("uppgifter-tom");
  const summary = $("sammanfattning");
  const summaryEmpty = $("sammanfattning-tom");
  const copyButton = $("kopiera");
  const copyStatus = $("kopiera-status");

  const underlag = $("underlag");
  const printButton = $("skriv-ut");
  const pdfButton = $("spara-pdf");

  function newSenderId() {
    const id = "webb-" + Array.from(crypto.getRandomValues(new Uint8Array(12)),
      (b) => b.toString(16).padStart(2, "0")).join("");
    try { sessionStorage.setItem(SESSION_KEY, id); } catch (err) { /* private mode: no reload */ }
    return id;
  }

  function storedSenderId() {
    try {
      const id = sessionStorage.getItem(SESSION_KEY);
      if (id && /^[A-Za-z0-9_.:-]{1,128}$/.test(id)) return id;
    } catch (err) { /* storage not allowed */ }
    return null;
  }

  let senderId = storedSenderId() || newSenderId();
  let busy = false;
  let lastFacts = null;
  let lastSummaryText = "";  // the facts lines (with what was assumed) of the last result

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function kr(amount) {
    return money.format(amount) + "\u00a0kr";
  }

  // An amount that is subtracted: "−9 400 kr", but "0 kr" for nothing.
  function minusKr(amount) {
    return amount > 0 ? "\u2212" + kr(amount) : kr(amount);
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  // ------------------------------------------------------------------ messages

  function addUserMessage(text) {
    list.append(el("li", { class: "message user" },
      el("span", { class: "who", text: "Du" }),
      el("p", { class: "text", text: text })));
    scrollToEnd();
  }

  function addErrorMessage(text) {
    list.append(el("li", { class: "message error" },
      el("span", { class: "who", text: "Fel" }),
      el("p", { class: "text", text: text })));
    scrollToEnd();
  }

  function addBotMessage(message) {
    const item = el("li", { class: "message bot" },
      el("span", { class: "who", text: "Biståndsguiden" }));
    if (message.text) item.append(el("p", { class: "text", text: message.text }));
    if (message.citations && message.citations.length) item.append(renderCitations(message.citations));
    if (message.calculation) item.append(renderCalculation(message.calculation));
    if (message.comparison) item.append(renderComparison(message.comparison));
    if (message.buttons && message.buttons.length) item.append(renderReplies(message.buttons));
    list.append(item);
    if (message.facts) {
      renderFacts(message.facts);
      lastFacts = message.facts;
    }
    if (message.summary_text) {
      lastSummaryText = message.summary_text;
      showSummary(message.summary_text);
    } else if (message.calculation) {
      showSummary(summaryFromCalculation(message.calculation));
    }
    if (message.calculation) fillUnderlag(message.calculation, lastFacts, lastSummaryText);
    scrollToEnd();
  }

  function renderReplies(buttons) {
    const group = el("div", { class: "replies", role: "group", "aria-label": "Svarsalternativ" });
    for (const button of buttons) {
      const b = el("button", { type: "button", class: "reply", text: button.title });
      b.addEventListener("click", () => send(button.payload, button.title));
      group.append(b);
    }
    return group;
  }

  // ------------------------------------------------------------------ citations

  function statusBadge(documentStatus) {
    if (!documentStatus) return null;
    const s = String(documentStatus);
    const lower = s.toLowerCase();
    let kind = "info";
    if (lower.startsWith("upphävd") || lower.startsWith("upphävt") || lower.includes("ersatt")) kind = "bad";
    else if (lower.startsWith("gällande") || lower.startsWith("gäller") || lower.startsWith("i kraft")) kind = "ok";
    return el("span", { class: "badge " + kind, text: s });
  }

  function currencyBadge(currency) {
    if (!currency || !currency.label) return null;
    const kind = CURRENCY_KIND[currency.status] || "info";
    return el("span", { class: "badge currency " + kind, text: currency.label });
  }

  function citationTitle(hit) {
    if (hit.citation) return hit.citation;
    const parts = [hit.document, hit.section, hit.page ? "s. " + hit.page : null];
    return parts.filter(Boolean).join(", ");
  }

  function renderCitations(hits) {
    const box = el("section", { class: "citations", "aria-label": "Källor" },
      el("h3", { text: hits.length === 1 ? "Källa" : "Källor (" + hits.length + ")" }));
    for (const hit of hits) {
      const currency = hit.currency || null;
      const removed = currency && currency.status === "borttaget";
      const summaryLine = el("summary", null, citationTitle(hit),
        statusBadge(hit.document_status_text || hit.document_status), currencyBadge(currency));
      const path = Array.isArray(hit.heading_path) ? hit.heading_path.join(" › ") : hit.heading_path;
      const meta = [path, hit.page ? "sida " + hit.page : null].filter(Boolean).join(" · ");
      box.append(el("details", { class: "citation" }, summaryLine,
        meta ? el("p", { class: "citation-meta", text: meta }) : null,
        removed ? el("p", { class: "currency-history", text: "Historisk text – inte gällande råd:" }) : null,
        el("blockquote", { text: hit.text || "" }),
        currency && currency.line ? el("p", { class: "currency-line", text: currency.line }) : null));
    }
    return box;
  }

  // ------------------------------------------------------------------ calculation

  function rowStatusBadge(row) {
    const entry = ROW_STATUS[row.status];
    if (entry === null) return null;
    const [label, kind] = entry || [row.status, "info"];
    return el("span", { class: "badge " + kind, text: label });
  }

  function rowAmount(row) {
    if (row.kategori !== "inkomst") return el("td", { class: "amount", text: kr(row.belopp) });
    if (row.raknas === false) {
      return el("td", { class: "amount not-counted" }, kr(row.belopp),
        el("span", { class: "row-note", text: "räknas inte" }));
    }
    return el("td", { class: "amount", text: minusKr(row.belopp) });
  }

  function renderCalculation(calc) {
    const period = (MONTHS[calc.month - 1] || calc.month) + " " + calc.year;
    const table = el("table", { class: "calc" },
      el("caption", { text: "Beräkning av försörjningsstöd, " + period }),
      el("thead", null, el("tr", null,
        el("th", { scope: "col", text: "Post" }),
        el("th", { scope: "col", text: "Lagrum och källa" }),
        el("th", { scope: "col", class: "amount", text: "Belopp" }))));
    for (const [kategori, heading] of GROUPS) {
      const rows = (calc.rader || []).filter((r) => r.kategori === kategori);
      if (!rows.length) continue;
      const body = el("tbody", null,
        el("tr", null, el("th", { scope: "rowgroup", colspan: "3", text: heading })));
      for (const row of rows) {
        const note = row.berakning || row.orsak;
        body.append(el("tr", null,
          el("th", { scope: "row" }, row.text, rowStatusBadge(row),
            note ? el("span", { class: "row-note", text: note }) : null),
          el("td", null, row.lagrum, row.kalla ? el("span", { class: "legal", text: row.kalla }) : null),
          rowAmount(row)));
      }
      table.append(body);
    }
    const foot = el("tfoot");
    const line = (label, amount, cls) => foot.append(el("tr", { class: cls || null },
      el("th", { scope: "row", colspan: "2", text: label }),
      el("td", { class: "amount", text: amount })));
    line("Riksnorm", kr(calc.riksnorm));
    line("Skäliga kostnader", kr(calc.skaliga_kostnader));
    line("Behov (riksnorm + skäliga kostnader)", kr(calc.behov));
    line("Beräknade inkomster", minusKr(calc.inkomster_beraknade));
    line("Försörjningsstöd", kr(calc.forsorjningsstod), "total");
    if (calc.overskott > 0) line("Överskott (inkomster över behovet)", kr(calc.overskott));
    table.append(foot);

    const box = el("section", { class: "calculation", "aria-label": "Beräkning" }, table);
    const warnings = [...(calc.varningar || []), ...(calc.noteringar || [])];
    if (warnings.length) {
      const list = el("ul");
      for (const w of warnings) list.append(el("li", { text: w }));
      box.append(el("div", { class: "warnings" }, el("strong", { text: "Observera" }), list));
    }
    return box;
  }

  function summaryFromCalculation(calc) {
    const period = (MONTHS[calc.month - 1] || calc.month) + " " + calc.year;
    const lines = ["Beräkning av försörjningsstöd, " + period];
    for (const [kategori, heading] of GROUPS) {
      const rows = (calc.rader || []).filter((r) => r.kategori === kategori);
      if (!rows.length) continue;
      lines.push("", heading + ":");
      for (const r of rows) {
        const counted = r.kategori === "inkomst" && r.raknas === false ? " (räknas inte)" : "";
        lines.push("  " + r.text + ": " + kr(r.belopp) + counted + " [" + r.lagrum + "]");
      }
    }
    lines.push("", "Riksnorm: " + kr(calc.riksnorm),
      "Skäliga kostnader: " + kr(calc.skaliga_kostnader),
      "Beräknade inkomster: " + kr(calc.inkomster_beraknade),
      "Försörjningsstöd: " + kr(calc.forsorjningsstod));
    if (calc.overskott > 0) lines.push("Överskott: " + kr(calc.overskott));
    return lines.join("\n");
  }

  // ------------------------------------------------------------------ comparison

  function signedKr(amount) {
    if (!amount) return "\u00b10\u00a0kr";
    return (amount > 0 ? "+" : "\u2212") + kr(Math.abs(amount));
  }

  function periodOf(calc) {
    return (MONTHS[calc.month - 1] || calc.month) + " " + calc.year;
  }

  function renderComparison(comp) {
    if (comp.typ === "lönar_det_sig") return renderWorkTable(comp);
    const scenarios = comp.scenarier || [];
    const table = el("table", { class: "calc comparison cols-" + scenarios.length },
      el("caption", { text: "Jämförelse av scenarier" }));
    const head = el("tr", null, el("th", { scope: "col", text: "Post" }));
    for (const s of scenarios) {
      head.append(el("th", { scope: "col", class: "amount" },
        el("span", { class: "scenario-name", text: s.namn }),
        el("span", { class: "row-note", text: s.beskrivning + ", " + periodOf(s.result) })));
    }
    table.append(el("thead", null, head));
    const body = el("tbody");
    const line = (label, values, cls) => {
      const tr = el("tr", { class: cls || null }, el("th", { scope: "row", text: label }));
      for (const v of values) tr.append(el("td", { class: "amount", text: v }));
      body.append(tr);
    };
    line("Försörjningsstöd", scenarios.map((s) => kr(s.result.forsorjningsstod)), "total");
    line("Hushållets pengar (inkomster + stöd)", scenarios.map((s) => kr(s.hushallets_pengar)), "total");
    line("Skillnad i försörjningsstöd mot A",
      scenarios.map((s) => (s.skillnad ? signedKr(s.skillnad.forsorjningsstod) : "")));
    line("Skillnad i hushållets pengar mot A",
      scenarios.map((s) => (s.skillnad ? signedKr(s.skillnad.hushallets_pengar) : "")));
    table.append(body);
    const rows = comp.rader || [];
    if (rows.length) {
      const diff = el("tbody", { class: "diff" }, el("tr", null,
        el("th", { scope: "rowgroup", colspan: String(scenarios.length + 1), text: "Rader som skiljer" })));
      for (const r of rows) {
        const tr = el("tr", null, el("th", { scope: "row" }, r.text,
          el("span", { class: "legal", text: r.lagrum })));
        r.belopp.forEach((amount, i) => {
          const counted = r.raknas[i] === false ? " (räknas inte)" : "";
          tr.append(el("td", { class: "amount", text: amount === null ? "–" : kr(amount) + counted }));
        });
        diff.append(tr);
      }
      table.append(diff);
    }
    const box = el("section", { class: "comparison-box", "aria-label": "Jämförelse" }, table);
    const notes = [];
    for (const s of scenarios.slice(1)) {
      if (s.jobbstimulans && s.jobbstimulans.har_lon) notes.push(s.namn + ": " + jobText(s.jobbstimulans));
    }
    notes.push(...(comp.noteringar || []));
    if (notes.length) {
      const ul = el("ul");
      for (const n of notes) ul.append(el("li", { text: n }));
      box.append(el("div", { class: "warnings" }, el("strong", { text: "Regler och antaganden" }), ul));
    }
    if (scenarios.length > 1) {
      const group = el("div", { class: "replies", role: "group", "aria-label": "Behåll ett scenario" });
      for (const s of scenarios.slice(1)) {
        const b = el("button", { type: "button", class: "reply", text: "Behåll " + s.namn });
        b.addEventListener("click", () => send("Behåll " + s.namn));
        group.append(b);
      }
      box.append(group);
    }
    return box;
  }

  function jobText(job) {
    if (job["gäller"]) {
      return "jobbstimulans gäller (" + job.andel_procent + " % av lönen räknas inte), "
        + job.manader_kvar + " månader kvar av högst " + job.max_manader + ".";
    }
    if (job.manader_med_stod < job.kravs_manader) {
      return "jobbstimulans gäller inte än: " + job.manader_med_stod + " av " + job.kravs_manader
        + " månader med stöd; börjar efter " + job.manader_kvar_till_start + " månader till.";
    }
    return "jobbstimulans gäller inte längre (använd i " + job.anvanda_manader + " av "
      + job.max_manader + " månader).";
  }

  function renderWorkTable(comp) {
    const table = el("table", { class: "calc work" },
      el("caption", { text: "Lönar det sig att jobba? Hushållets pengar per månad" }),
      el("thead", null, el("tr", null,
        el("th", { scope: "col", text: "Fall" }),
        el("th", { scope: "col", class: "amount", text: "Lön" }),
        el("th", { scope: "col", class: "amount", text: "Andra inkomster" }),
        el("th", { scope: "col", class: "amount", text: "Försörjningsstöd" }),
        el("th", { scope: "col", class: "amount", text: "Totalt" }),
        el("th", { scope: "col", class: "amount", text: "Mot utan jobb" }))));
    const body = el("tbody");
    for (const r of comp.tabell || []) {
      body.append(el("tr", null, el("th", { scope: "row", text: r.fall }),
        el("td", { class: "amount", text: kr(r.lon) }),
        el("td", { class: "amount", text: kr(r.andra_inkomster) }),
        el("td", { class: "amount", text: kr(r.forsorjningsstod) }),
        el("td", { class: "amount total-cell", text: kr(r.totalt) }),
        el("td", { class: "amount", text: r.mer_an_utan_jobb === null ? "–" : signedKr(r.mer_an_utan_jobb) })));
    }
    table.append(body);
    const box = el("section", { class: "comparison-box", "aria-label": "Lönar det sig att jobba" }, table);
    const notes = [jobText(comp.jobbstimulans), ...(comp.noteringar || [])];
    const ul = el("ul");
    for (const n of notes) ul.append(el("li", { text: n.charAt(0).toUpperCase() + n.slice(1) }));
    box.append(el("div", { class: "warnings" }, el("strong", { text: "Jobbstimulans" }), ul));
    return box;
  }

  // ------------------------------------------------------------------ beräkningsunderlag (print)

  // Lines of the facts summary that say what was assumed (counted as none, not given).
  const ASSUMPTION = /(räknas som 0 kr|ej nämn|inga nämnda|ingen make|antas|ej angiven|inte tolkat)/i;

  function statusText(status) {
    const entry = ROW_STATUS[status];
    if (entry) return entry[0];
    return { official: "officiell källa", indata: "indata från handläggaren" }[status] || status;
  }

  function fillUnderlag(calc, facts, summaryText) {
    const today = new Date().toLocaleDateString("sv-SE");
    const parts = [el("h2", { text: "Beräkningsunderlag – försörjningsstöd" }),
      el("p", { class: "u-meta", text: "Utskrivet " + today + " från Biståndsguiden. Beslutsunderlag att pröva; inga personnummer." })];
    const dl = el("dl", { class: "u-facts" });
    const fact = (k, v) => dl.append(el("dt", { text: k }), el("dd", { text: v }));
    fact("Månad", periodOf(calc));
    if (facts) fact("Hushåll", facts["hushåll"]);
    fact("Hushållets storlek", calc.antal_vuxna + (calc.antal_vuxna === 1 ? " vuxen, " : " vuxna, ")
      + calc.antal_barn + " barn");
    fact("Tillämplig lag", calc.tillamplig_lag + "; " + calc.lagrum);
    parts.push(dl);
    // One block per line (not a table: its text reads back from a PDF line by line).
    const rows = el("ol", { class: "u-rows" });
    for (const r of calc.rader || []) {
      const counted = r.kategori === "inkomst" ? (r.raknas === false ? " (räknas inte)" : " (räknas)") : "";
      rows.append(el("li", null,
        el("p", { class: "u-row-head", text: r.text + ": " + kr(r.belopp) + counted }),
        el("p", { class: "u-row-basis",
          text: "Lagrum: " + r.lagrum + " · Källa: " + r.kalla + " · Status: " + statusText(r.status) })));
    }
    parts.push(el("h3", { text: "Rader" }), rows);
    const totals = el("dl", { class: "u-totals" });
    const total = (k, v) => totals.append(el("dt", { text: k }), el("dd", { text: kr(v) }));
    total("Riksnorm", calc.riksnorm);
    total("Skäliga kostnader", calc.skaliga_kostnader);
    total("Behov", calc.behov);
    total("Beräknade inkomster", calc.inkomster_beraknade);
    total("Försörjningsstöd", calc.forsorjningsstod);
    if (calc.overskott > 0) total("Överskott", calc.overskott);
    parts.push(totals);
    const warnings = [...(calc.varningar || []), ...(calc.noteringar || [])];
    parts.push(el("h3", { text: "Varningar och noteringar" }),
      warnings.length ? bulletList(warnings) : el("p", { text: "Inga." }));
    const assumed = String(summaryText || "").split("\n").filter((l) => ASSUMPTION.test(l));
    parts.push(el("h3", { text: "Antaganden" }),
      assumed.length ? bulletList(assumed) : el("p", { text: "Inga." }));
    const versions = el("p", { class: "u-versions", id: "underlag-versioner", text: "Versioner: hämtas …" });
    parts.push(el("h3", { text: "Versioner" }), versions);
    underlag.replaceChildren(...parts);
    printButton.disabled = false;
    pdfButton.disabled = false;
    loadVersions(calc.year, versions);
  }

  async function loadVersions(year, target) {
    try {
      const response = await fetch(API_VERSIONS + "?year=" + encodeURIComponent(year),
        { headers: { Accept: "application/json" } });
      const body = await response.json();
      if (!response.ok) throw new Error(body.detail || "HTTP " + response.status);
      const p = body.parametrar || {};
      const lines = [
        "Parameterfil " + p.file + " (SHA-256 " + String(p.sha256).slice(0, 12) + ")",
        "regelfil " + p.rules_file + " (SHA-256 " + String(p.rules_sha256).slice(0, 12) + ")",
      ];
      const k = body.korpus;
      lines.push(k ? "korpus " + String(k.corpus_hash).slice(0, 12) + " byggd " + k.built_at
        : "korpus: index inte laddat");
      target.textContent = "Versioner: " + lines.join("; ") + ".";
      target.dataset.loaded = "true";
    } catch (err) {
      target.textContent = "Versioner: kunde inte hämtas (" + err.message + ").";
      target.dataset.loaded = "error";
    }
  }

  function resetUnderlag() {
    underlag.replaceChildren();
    printButton.disabled = true;
    pdfButton.disabled = true;
  }

  // ------------------------------------------------------------------ side panel

  // The facts payload of the calculation actions: Swedish keys → values ("rå" is the raw slot).
  const FACT_LABELS = {
    "månad": "Månad",
    "hushåll": "Hushåll",
    "kostnader": "Kostnader",
    "inkomster": "Inkomster",
    "skälig_boendekostnad": "Skälig boendekostnad (tak)",
    "månader_med_stöd": "Månader i följd med stöd",
    "inte_tolkat": "Inte tolkat (räknas inte med)",
  };
  const HIDDEN_FACTS = new Set(["rå", "raw"]);
  const NOT_GIVEN = "ej angivet";

  function factLabel(key) {
    if (FACT_LABELS[key]) return FACT_LABELS[key];
    const text = String(key).replace(/_/g, " ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function formatFact(value) {
    if (value === null || value === undefined || value === "") return NOT_GIVEN;
    if (typeof value === "boolean") return value ? "ja" : "nej";
    if (typeof value === "number") return money.format(value);
    if (Array.isArray(value)) return value.length ? value.map(formatFact).join("; ") : "inga";
    if (typeof value === "object") {
      return Object.entries(value).map(([k, v]) => k + ": " + formatFact(v)).join(", ");
    }
    return String(value);
  }

  function bulletList(items) {
    const ul = el("ul", { class: "fact-list" });
    for (const item of items) ul.append(el("li", { text: item }));
    return ul;
  }

  function factValue(key, value) {
    if (value === null || value === undefined || value === "") return NOT_GIVEN;
    if (key === "kostnader" && typeof value === "object" && !Array.isArray(value)) {
      // Costs with an amount one by one; those at 0 kr (not mentioned, or none) on one line.
      const entries = Object.entries(value);
      const items = entries.filter(([, v]) => v).map(([k, v]) => k + ": " + kr(v));
      const zero = entries.filter(([, v]) => !v).map(([k]) => k);
      if (zero.length) items.push(kr(0) + ": " + zero.join(", "));
      return items.length ? bulletList(items) : "inga";
    }
    if (key === "inkomster" && Array.isArray(value)) {
      if (!value.length) return "inga";
      return bulletList(value.map((i) => (i.typ || "Inkomst")
        + (i.person ? " (" + i.person + ")" : "") + ": " + kr(i.belopp)));
    }
    if (key === "skälig_boendekostnad") {
      const amount = typeof value === "object" ? value.amount : value;
      return typeof amount === "number" ? kr(amount) : formatFact(value);
    }
    return formatFact(value);
  }

  function renderFacts(facts) {
    const entries = Array.isArray(facts)
      ? facts.map((f) => [f.label || f.name || "", f.value])
      : Object.entries(facts).filter(([key]) => !HIDDEN_FACTS.has(key));
    factsList.replaceChildren();
    for (const [key, value] of entries) {
      factsList.append(el("dt", { text: factLabel(key) }), el("dd", null, factValue(key, value)));
    }
    factsEmpty.hidden = entries.length > 0;
  }

  function showSummary(text) {
    summary.textContent = text;
    summary.hidden = false;
    summaryEmpty.hidden = true;
    copyButton.disabled = false;
  }

  function resetCalculationPanel() {
    lastFacts = null;
    lastSummaryText = "";
    resetUnderlag();
    factsList.replaceChildren();
    factsEmpty.hidden = false;
    summary.textContent = "";
    summary.hidden = true;
    summaryEmpty.hidden = false;
    copyButton.disabled = true;
    copyStatus.textContent = "";
  }

  async function copySummary() {
    const text = summary.textContent;
    try {
      await navigator.clipboard.writeText(text);
    } catch (err) {
      // Fallback where the Clipboard API is not allowed: select the text and copy it.
      const range = document.createRange();
      range.selectNodeContents(summary);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      const ok = document.execCommand && document.execCommand("copy");
      if (!ok) {
        copyStatus.textContent = "Kunde inte kopiera automatiskt. Texten är markerad: tryck Ctrl+C.";
        return;
      }
    }
    copyStatus.textContent = "Sammanfattningen är kopierad.";
  }

  // ------------------------------------------------------------------ sending

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    log.setAttribute("aria-busy", value ? "true" : "false");
    status.textContent = value ? "Assistenten svarar …" : "";
  }

  async function send(message, shownText) {
    const text = (message || "").trim();
    if (!text || busy) return;
    addUserMessage(shownText || text);
    setBusy(true);
    try {
      const response = await fetch(API_CHAT, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ sender_id: senderId, message: text }),
      });
      let body = null;
      try {
        body = await response.json();
      } catch (err) {
        body = null;
      }
      if (!response.ok) {
        addErrorMessage((body && body.detail) || "Något gick fel (HTTP " + response.status + ").");
        return;
      }
      const messages = (body && body.messages) || [];
      if (!messages.length) {
        addErrorMessage("Assistenten gav inget svar. Försök formulera om frågan.");
      }
      for (const m of messages) addBotMessage(m);
    } catch (err) {
      addErrorMessage("Kunde inte nå webbtjänsten. Kontrollera anslutningen och försök igen.");
    } finally {
      setBusy(false);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      status.textContent = "Skriv ett meddelande först.";
      input.focus();
      return;
    }
    if (busy) return;
    input.value = "";
    send(text);
    input.focus();
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  $("ny-berakning").addEventListener("click", (event) => {
    // A new calculation starts a new conversation: nothing of the last client is shown again.
    senderId = newSenderId();
    list.replaceChildren();
    resetCalculationPanel();
    send(event.currentTarget.dataset.message, "Ny beräkning");
    input.focus();
  });

  printButton.addEventListener("click", () => window.print());
  pdfButton.addEventListener("click", () => {
    status.textContent = "Välj ”Spara som PDF” som skrivare i utskriftsdialogen.";
    window.print();
  });

  // After a reload (or reopening the page in the same tab): the conversation, the facts panel
  // and the last calculation, read back from Rasa's tracker store.
  async function restore() {
    if (!storedSenderId()) return;
    try {
      const response = await fetch(API_CHAT + "/" + encodeURIComponent(senderId),
        { headers: { Accept: "application/json" } });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        status.textContent = "Samtalet kunde inte återställas: "
          + ((body && body.detail) || "HTTP " + response.status);
        return;
      }
      const messages = (body && body.messages) || [];
      if (!messages.length || list.children.length) return;
      for (const m of messages) {
        if (m.from === "user") addUserMessage(m.text);
        else addBotMessage(m);
      }
      status.textContent = "Samtalet är återställt.";
    } catch (err) {
      status.textContent = "Samtalet kunde inte återställas.";
    }
  }

  resetUnderlag();
  restore();

  $("fraga-riktlinjer").addEventListener("click", () => {
    addBotMessage({
      text: "Skriv din fråga om riktlinjerna i rutan nedan, till exempel: "
        + "”Ingår hemförsäkring i försörjningsstödet?” Svaret visar källorna som citat.",
    });
    input.focus();
  });

  // ------------------------------------------------------------------ Lär dig (onboarding)

  const learnToggle = $("lar-dig-knapp");
  const learnPanel = $("lar-dig");
  const termSearch = $("begrepp-sok");
  const termList = $("begrepp-lista");
  const termCount = $("begrepp-antal");
  let terms = null;

  function renderTerms() {
    const q = termSearch.value.trim().toLowerCase();
    const shown = (terms || []).filter((t) => !q
      || [t.term, t.definition, ...t.aliases].join(" ").toLowerCase().includes(q));
    termList.replaceChildren(...shown.map((t) => {
      const ask = el("button", { type: "button", class: "term", text: t.term,
        "aria-label": "Fråga assistenten: vad betyder " + t.term + "?" });
      ask.addEventListener("click", () => send("Vad betyder " + t.term.toLowerCase() + "?"));
      return el("li", {}, ask, el("p", { class: "definition", text: t.definition }));
    }));
    termCount.textContent = shown.length === 1 ? "1 begrepp visas." : shown.length + " begrepp visas.";
  }

  async function loadTerms() {
    if (terms) return;
    try {
      const response = await fetch("/api/v1/glossary", { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error("HTTP " + response.status);
      terms = (await response.json()).terms;
      renderTerms();
    } catch (err) {
      termCount.textContent = "Begreppen kunde inte hämtas just nu.";
    }
  }

  learnToggle.addEventListener("click", () => {
    const open = learnPanel.hidden;
    learnPanel.hidden = !open;
    learnToggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      loadTerms();
      $("starta-introduktion").focus();
    }
  });
  termSearch.addEventListener("input", renderTerms);
  $("starta-introduktion").addEventListener("click", (event) => {
    send(event.currentTarget.dataset.message);
    input.focus();
  });
  $("ge-ovningsfall").addEventListener("click", () => {
    send("Ge mig ett övningsfall " + $("ovning-niva").value);
    input.focus();
  });

  copyButton.addEventListener("click", copySummary);
})();
