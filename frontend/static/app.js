// Pontis: small progressive enhancements. Every page works without this file; it adds
// live translations and new posts (server-sent events), the "all originals" toggle and
// the footer's language switch on change.
"use strict";
document.documentElement.classList.add("js");

document.querySelectorAll("form[data-autosubmit] select").forEach((select) =>
  select.addEventListener("change", () => select.form.submit()));

const toggle = document.querySelector(".toggle-originals");
if (toggle) {
  toggle.addEventListener("click", (event) => {
    event.preventDefault();
    const all = [...document.querySelectorAll("details.original")];
    const open = !all.every((d) => d.open);
    all.forEach((d) => { d.open = open; });
    toggle.textContent = open ? toggle.dataset.hide : toggle.dataset.show;
  });
}

const posts = document.getElementById("posts");
if (posts && window.EventSource) {
  const lang = posts.dataset.lang;
  const fragment = (id) => fetch(`/p/${id}/fragment?lang=${encodeURIComponent(lang)}`, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.text() : null));
  const place = (id, html) => {
    if (!html) return;
    const node = document.createRange().createContextualFragment(html).firstElementChild;
    const old = document.getElementById(`post-${id}`);
    if (old) old.replaceWith(node); else posts.append(node);
  };
  const events = new EventSource(`/api/v1/threads/${posts.dataset.thread}/events?lang=${encodeURIComponent(lang)}`);
  const onPost = (event) => {
    const id = JSON.parse(event.data).post_id;
    if (id) fragment(id).then((html) => place(id, html));
  };
  events.addEventListener("post", onPost);
  events.addEventListener("translation", onPost);
  events.addEventListener("end", () => events.close());
}
