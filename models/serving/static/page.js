// innotag page: drop files or a folder on the form; show a feature's evidence in the text.
// The page works without this script: file inputs, <details> and anchor links carry it.
"use strict";

function readEntries(entry) {
  // A dropped folder: all files below it, in the order the browser gives them.
  if (entry.isFile) return new Promise((ok) => entry.file((f) => ok([f]), () => ok([])));
  const reader = entry.createReader();
  return new Promise((ok) => {
    const all = [];
    const next = () => reader.readEntries(async (batch) => {
      if (!batch.length) { ok((await Promise.all(all.map(readEntries))).flat()); return; }
      all.push(...batch);
      next();
    }, () => ok([]));
    next();
  });
}

function showChosen(input, chosen) {
  const names = Array.from(input.files).map((f) => f.webkitRelativePath || f.name);
  chosen.textContent = names.length ? chosen.dataset.label + " (" + names.length + "): " + names.join(", ") : "";
}

function setUpForm() {
  const zone = document.getElementById("dropzone");
  if (!zone) return;
  const input = document.getElementById("files");
  const chosen = document.getElementById("chosen");
  input.addEventListener("change", () => showChosen(input, chosen));
  document.getElementById("folder").addEventListener("change", (e) => showChosen(e.target, chosen));
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", async (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    const entries = Array.from(e.dataTransfer.items || []).map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry());
    const files = entries.every(Boolean)
      ? (await Promise.all(entries.map(readEntries))).flat() : Array.from(e.dataTransfer.files);
    const transfer = new DataTransfer();
    files.filter((f) => !f.name.startsWith(".")).forEach((f) => transfer.items.add(f));
    input.files = transfer.files;
    showChosen(input, chosen);
  });
  document.getElementById("tag-form").addEventListener("submit", (e) => {
    const button = e.target.querySelector("button[type=submit]");
    document.getElementById("status").textContent = button.dataset.working;
    button.disabled = true;
  });
}

function setUpEvidence() {
  // Hovering, focusing or opening a call's evidence highlights its sentences in that document's text.
  document.querySelectorAll("details.evidence").forEach((details) => {
    const section = details.closest("section.document");
    const marks = section.querySelectorAll('mark[data-calls~="' + details.dataset.call + '"]');
    const set = (on) => marks.forEach((m) => m.classList.toggle("active", on));
    const summary = details.querySelector("summary");
    summary.addEventListener("mouseenter", () => set(true));
    summary.addEventListener("mouseleave", () => set(details.open));
    summary.addEventListener("focus", () => set(true));
    summary.addEventListener("blur", () => set(details.open));
    details.addEventListener("toggle", () => set(details.open));
  });
}

document.addEventListener("DOMContentLoaded", () => { setUpForm(); setUpEvidence(); });
