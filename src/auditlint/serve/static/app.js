// auditlint serve: the page's own script (served by the package; nothing from the network).
// Text from reports and from the server is always put in as text (textContent), never as markup;
// the only markup taken from the server is the HTML reporter's own page, which escapes every text.
"use strict";

const TEXT = {
  zh: {
    title: "auditlint 报告检查", switchTo: "English",
    intro: "把绩效自评报告拖到下面，auditlint 会重算其中的合计、比率、占比和得分，并标出有问题的单元格。文件只在本机处理，检查完即删除。",
    drop: "把报告文件拖到这里，或点击选择文件（可多选）", choose: "选择文件",
    dropNote: (s, mb) => `可检查：${s}；每个文件不超过 ${mb} MB`,
    filter: "筛选：", error: "错误", warning: "警告", info: "提示", allFamilies: "全部检查类别",
    foot: "auditlint · 本页面的脚本和样式均由本机提供，不连接外部网络。",
    uploading: "上传中", queued: "排队中", checking: "检查中", done: "完成", failed: "无法检查",
    tooLarge: (mb) => `文件超过 ${mb} MB 的大小限制，未上传`,
    uploadFailed: "上传失败：", network: "无法连接到 auditlint 服务器（它是否已停止？）",
    counts: (c) => `${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`,
    clean: "未发现问题。", nothing: "读取成功，但没有找到可检查的表格或数字。",
    download: "下载：", html: "HTML 报告", xlsx: "Excel 工作簿", sarif: "SARIF", csv: "CSV",
    ranked: "问题一览（按严重程度排序）", inPlace: "问题所在的原文",
    rank: "排序分", severity: "级别", check: "检查", where: "位置", message: "问题",
    explain: "解释此项检查", hide: "收起解释", detail: "技术细节（英文）",
    families: {arithmetic: "合计与加总", ratios: "比率与占比", values: "数值", scoring: "评分",
               "cross-reference": "前后一致", structure: "结构", other: "其他"},
  },
  en: {
    title: "auditlint report check", switchTo: "中文",
    intro: "Drop budget-performance reports below: auditlint recomputes their totals, rates, shares and scores and marks the cells that are wrong. Files are handled on this machine only and deleted once checked.",
    drop: "Drop report files here, or click to choose (several at once)", choose: "Choose files",
    dropNote: (s, mb) => `Accepted: ${s}; at most ${mb} MB a file`,
    filter: "Filter:", error: "error", warning: "warning", info: "info", allFamilies: "all check families",
    foot: "auditlint · this page's scripts and styles come from this machine; nothing is fetched from the network.",
    uploading: "uploading", queued: "queued", checking: "checking", done: "done", failed: "cannot be checked",
    tooLarge: (mb) => `larger than the ${mb} MB limit; not uploaded`,
    uploadFailed: "Upload failed: ", network: "cannot reach the auditlint server (has it stopped?)",
    counts: (c) => `${c.error} errors, ${c.warning} warnings, ${c.info} infos`,
    clean: "No problems found.", nothing: "Read, but no table or figure to check was found.",
    download: "Download: ", html: "HTML report", xlsx: "Excel workbook", sarif: "SARIF", csv: "CSV",
    ranked: "Findings, most serious first", inPlace: "The findings in the report",
    rank: "rank", severity: "severity", check: "check", where: "where", message: "message",
    explain: "Explain this check", hide: "Hide explanation", detail: "technical detail",
    families: {arithmetic: "arithmetic", ratios: "ratios and shares", values: "values", scoring: "scoring",
               "cross-reference": "cross-reference", structure: "structure", other: "other"},
  },
};

let meta = {lang: "zh", max_bytes: 50 * 1024 * 1024, max_files: 20, suffixes: [], checks: []};
let lang = "zh";
let cardCount = 0;

function t(key) { return TEXT[lang][key]; }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function mb() { return +(meta.max_bytes / 1048576).toFixed(3); }

function applyLang() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  document.getElementById("lang-switch").textContent = t("switchTo");
  document.getElementById("drop-note").textContent = t("dropNote")(meta.suffixes.join(" "), mb());
  const select = document.getElementById("family-filter");
  const chosen = select.value;
  select.replaceChildren(el("option", {value: "", text: t("allFamilies")}));
  for (const [key, name] of Object.entries(t("families"))) select.append(el("option", {value: key, text: name}));
  select.value = chosen;
}

function suffixOf(name) {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

// -- one card per file -----------------------------------------------------------------

function newCard(name) {
  const n = ++cardCount;
  const status = el("span", {class: "status queued", text: t("uploading")});
  const bar = el("div", {class: "bar"}, el("div", {class: "fill"}));
  const body = el("div", {class: "card-body"});
  const card = el("section", {class: "card", id: `card-${n}`},
    el("header", {class: "card-head"}, el("h2", {text: name}), status), bar, body);
  document.getElementById("reports").append(card);
  return {n, card, status, bar, body, shown: false};
}

function setStatus(c, state, percent) {
  c.status.className = `status ${state}`;
  c.status.textContent = t(state) + (percent !== undefined && state === "uploading" ? ` ${percent}%` : "");
  c.bar.className = `bar ${state}`;
  const fill = c.bar.firstChild;
  if (state === "uploading") fill.style.width = `${percent || 0}%`;
  else if (state === "done" || state === "failed") fill.style.width = "100%";
  else fill.style.width = "";
}

function showReason(c, reason, detail) {
  const box = el("div", {class: "reason", role: "alert"}, el("p", {class: "reason-text", text: reason}));
  if (detail && detail !== reason) {
    box.append(el("details", {}, el("summary", {text: t("detail")}), el("code", {text: detail})));
  }
  c.body.replaceChildren(box);
}

// -- upload and wait -------------------------------------------------------------------------

function upload(files) {
  const limit = meta.max_bytes;
  const send = [];
  for (const f of files) {
    const c = newCard(f.name);
    if (f.size > limit) {
      setStatus(c, "failed");
      showReason(c, t("tooLarge")(mb()));
      continue;
    }
    send.push([f, c]);
  }
  for (let i = 0; i < send.length; i += meta.max_files) post(send.slice(i, i + meta.max_files));
}

function post(batch) {
  if (!batch.length) return;
  const form = new FormData();
  for (const [f] of batch) form.append("files", f, f.name);
  form.append("lang", lang);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/api/jobs");
  xhr.setRequestHeader("X-Auditlint", "1");
  xhr.responseType = "json";
  xhr.upload.onprogress = (e) => {
    if (!e.lengthComputable) return;
    const pct = Math.round(100 * e.loaded / e.total);
    for (const [, c] of batch) setStatus(c, "uploading", pct);
  };
  xhr.onload = () => {
    const data = xhr.response || {};
    if (xhr.status !== 202) {
      const reason = t("uploadFailed") + ((lang === "en" ? data.error_en : data.error) || xhr.status);
      for (const [, c] of batch) { setStatus(c, "failed"); showReason(c, reason); }
      return;
    }
    for (const [, c] of batch) setStatus(c, "queued");
    poll(data.id, batch.map(([, c]) => c));
  };
  xhr.onerror = () => { for (const [, c] of batch) { setStatus(c, "failed"); showReason(c, t("network")); } };
  xhr.send(form);
}

async function poll(jobId, cards) {
  let job;
  try {
    const r = await fetch(`/api/jobs/${encodeURIComponent(jobId)}`);
    job = await r.json();
    if (!r.ok) throw new Error(job.error);
  } catch (e) {
    for (const c of cards) if (!c.shown) { setStatus(c, "failed"); showReason(c, t("network")); }
    return;
  }
  job.files.forEach((f, i) => update(cards[i], jobId, f));
  if (job.state !== "done") setTimeout(() => poll(jobId, cards), 700);
}

function update(c, jobId, f) {
  if (c.shown) return;
  setStatus(c, f.status);
  if (f.status === "failed") {
    c.shown = true;
    showReason(c, f.reason, f.detail);
  } else if (f.status === "done") {
    c.shown = true;
    showReport(c, jobId, f);
  }
}

// -- a checked report -------------------------------------------------------------------------

function familyOf(id) {
  const check = meta.checks.find((s) => s.id === id);
  return check ? check.family : "other";
}

function showReport(c, jobId, f) {
  const base = `/api/jobs/${encodeURIComponent(jobId)}/files/${f.index}`;
  const summary = el("p", {class: "counts",
    text: f.nothing_to_check ? t("nothing") : (f.findings.length ? t("counts")(f.counts) : t("clean"))});
  const links = el("p", {class: "downloads"}, el("span", {text: t("download")}));
  for (const fmt of ["html", "xlsx", "sarif", "csv"]) {
    links.append(el("a", {href: `${base}/download/${fmt}`, class: `dl dl-${fmt}`, download: "", text: t(fmt)}));
  }
  c.body.replaceChildren(summary, links);
  if (f.findings.length) c.body.append(rankedTable(c, f.findings));
  const inPlace = el("div", {class: "in-place"});
  c.body.append(inPlace);
  if (f.has_page) embedPage(c, base, inPlace);
  applyFilters();
}

function rankedTable(c, findings) {
  const head = el("tr", {}, ...["rank", "severity", "check", "where", "message"].map((k) => el("th", {text: t(k)})));
  const table = el("table", {class: "ranked"}, head);
  findings.forEach((f, j) => {
    const link = el("a", {href: `#card-${c.n}-f${j + 1}`, text: f.message});
    const check = el("td", {}, el("code", {text: f.check_id}), document.createTextNode(" " + f.name),
      el("div", {class: "check-title", text: f.title}));
    const row = el("tr", {class: `finding-row ${f.severity}`, "data-severity": f.severity, "data-family": f.family},
      el("td", {class: "num", text: f.rank.toFixed(1)}),
      el("td", {}, el("span", {class: `badge ${f.severity}`, text: t(f.severity)})),
      check, el("td", {text: f.where}), el("td", {}, link));
    table.append(row);
  });
  return el("div", {class: "ranked-wrap"}, el("h3", {text: t("ranked")}), table);
}

async function embedPage(c, base, target) {
  let html;
  try {
    const r = await fetch(`${base}/page`);
    if (!r.ok) return;
    html = await r.text();
  } catch (e) {
    return;
  }
  const doc = new DOMParser().parseFromString(html, "text/html");
  const articles = doc.querySelectorAll("main article.finding");
  if (!articles.length) return;
  target.append(el("h3", {text: t("inPlace")}));
  articles.forEach((a, j) => {
    const node = document.importNode(a, true);
    for (const s of node.querySelectorAll("script")) s.remove();
    node.id = `card-${c.n}-f${j + 1}`;
    node.dataset.severity = ["error", "warning", "info"].find((s) => node.classList.contains(s)) || "warning";
    node.dataset.family = familyOf(node.dataset.check);
    node.append(explainButton(node.dataset.check));
    target.append(node);
  });
  applyFilters();
}

function explainButton(checkId) {
  const out = el("pre", {class: "explanation", hidden: ""});
  const button = el("button", {type: "button", class: "explain", text: t("explain")});
  button.addEventListener("click", async () => {
    if (!out.hidden) { out.hidden = true; button.textContent = t("explain"); return; }
    if (!out.textContent) {
      try {
        const r = await fetch(`/api/explain/${encodeURIComponent(checkId)}?lang=${lang}`);
        out.textContent = await r.text();
      } catch (e) {
        out.textContent = t("network");
      }
    }
    out.hidden = false;
    button.textContent = t("hide");
  });
  return el("div", {class: "explain-box"}, button, out);
}

// -- filters -----------------------------------------------------------------------------------

function applyFilters() {
  const severities = new Set([...document.querySelectorAll("#filters input[data-sev]")]
    .filter((i) => i.checked).map((i) => i.dataset.sev));
  const family = document.getElementById("family-filter").value;
  for (const node of document.querySelectorAll("[data-severity]")) {
    node.hidden = !(severities.has(node.dataset.severity) && (!family || node.dataset.family === family));
  }
  document.getElementById("filters").hidden = !document.querySelector("[data-severity]");
}

// -- start -------------------------------------------------------------------------------------

async function start() {
  try {
    const r = await fetch("/api/meta");
    meta = await r.json();
  } catch (e) {
    const box = document.getElementById("page-error");
    box.textContent = TEXT.zh.network;
    box.hidden = false;
  }
  lang = localStorage.getItem("auditlint-lang") || meta.lang || "zh";
  if (!(lang in TEXT)) lang = "zh";
  applyLang();
  const input = document.getElementById("file-input");
  input.accept = meta.suffixes.join(",");
  input.addEventListener("change", () => { upload([...input.files]); input.value = ""; });
  const drop = document.getElementById("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    upload([...e.dataTransfer.files]);
  });
  document.getElementById("lang-switch").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    localStorage.setItem("auditlint-lang", lang);
    applyLang();
  });
  for (const i of document.querySelectorAll("#filters input, #family-filter")) i.addEventListener("change", applyFilters);
}

document.addEventListener("DOMContentLoaded", start);
