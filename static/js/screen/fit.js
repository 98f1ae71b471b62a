/* Fitting a wall to the projector: cells as big as they can be while all fit (fitGrid), the
 * vote ranking's rows (fitRanking), text stepped down until a list fits (shrinkToFit). */

export function density(n, steps) {
  for (let i = 0; i < steps.length; i += 1) if (n <= steps[i]) return "d" + i;
  return "d" + steps.length;
}

function unit() {
  return Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
}

/* Lay `n` cells out in `wall` as big as they can be while all of them fit: try every
 * number of columns, keep the one giving the widest cell of the wanted shape (width /
 * height = aspect), and size the text from the cell. The wall re-fits when resized. */
export function fitGrid(wall, n, opt) {
  wall._fit = () => fitGrid(wall, wall._n, opt);
  wall._n = n;
  if (!wall._observed && window.ResizeObserver) {
    wall._observed = true;
    let last = "";
    new ResizeObserver(() => {
      const size = wall.clientWidth + "x" + wall.clientHeight;
      if (size !== last) { last = size; wall._fit(); }
    }).observe(wall);
  }
  const u = unit();
  const W = wall.clientWidth - 16 * u;
  const H = wall.clientHeight - 16 * u;
  if (!n || W <= 0 || H <= 0) return;
  const gap = (opt.gap || 24) * u;
  const maxW = opt.maxW * u;
  let best = null;
  for (let c = 1; c <= n; c += 1) {
    const r = Math.ceil(n / c);
    const slotW = (W - gap * (c - 1)) / c;
    const slotH = (H - gap * (r - 1)) / r;
    if (slotH <= 0 || slotW <= 0) continue;
    // a cell may be somewhat wider or taller than the wanted shape, not much more
    const cw = Math.min(slotW, maxW, slotH * opt.aspect * 1.6);
    const ch = Math.min(slotH, (cw / opt.aspect) * 1.15);
    const area = cw * ch;
    if (!best || area > best.area * 1.01) best = { c, r, cw, ch, area };
  }
  if (!best) return;
  const cw = Math.floor(best.cw);
  const ch = Math.floor(best.ch);
  const fs = Math.max(opt.minFs * u, Math.min(opt.maxFs * u, Math.min(cw, ch * opt.aspect) * opt.k));
  const lines = Math.max(1, Math.floor((ch - (opt.chrome * u) - fs * opt.footEm) / (fs * 1.22)));
  wall.style.setProperty("--cols", best.c);
  wall.style.setProperty("--cw", cw + "px");
  wall.style.setProperty("--ch", ch + "px");
  wall.style.setProperty("--gap", gap + "px");
  wall.style.setProperty("--fs", fs.toFixed(1) + "px");
  wall.style.setProperty("--lines", lines);
  const big = opt.bigEm || 1;
  wall.style.setProperty("--lines-big", Math.max(1, Math.floor((ch - (opt.chrome * u) - fs * opt.footEm) / (fs * big * 1.22))));
}

export const NOTE_FIT = { aspect: 1.55, maxW: 600, minFs: 15, maxFs: 60, k: 0.1, chrome: 42, footEm: 1.05 };
export const IDEA_FIT = { aspect: 0.95, maxW: 420, minFs: 14, maxFs: 40, k: 0.105, chrome: 48, footEm: 1.1, bigEm: 1.35 };

/* The vote ranking: one, two or three columns of rows that share the height. */
export function fitRanking(list, n) {
  list._n = n;
  if (!list._observed && window.ResizeObserver) {
    list._observed = true;
    new ResizeObserver(() => fitRanking(list, list._n)).observe(list);
  }
  const u = unit();
  const H = list.clientHeight;
  if (!n || H <= 0) return;
  const cols = n <= 7 ? 1 : n <= 22 ? 2 : 3;
  const rows = Math.ceil(n / cols);
  const gap = 12 * u;
  const rowH = Math.min((H - gap * (rows - 1)) / rows, 140 * u);
  list.style.setProperty("--cols", cols);
  list.style.setProperty("--rows", rows);
  list.style.setProperty("--row-h", Math.floor(rowH) + "px");
  list.style.setProperty("--gap", gap + "px");
  list.style.setProperty("--fs", Math.max(15 * u, Math.min(36 * u, rowH * 0.3)).toFixed(1) + "px");
  list.style.setProperty("--pic", Math.floor(rowH * 0.8 * 4 / 3) + "px");
  list.style.setProperty("--dot", Math.max(8, Math.min(28 * u, rowH * 0.17)).toFixed(1) + "px");
}

/* Step a list's text down through the size classes until its items fit. */
export function shrinkToFit(list, sizes) {
  // again when the box changes size (the control bar showing takes room from the main area)
  list._sizes = sizes;
  if (!list._observed && window.ResizeObserver) {
    list._observed = true;
    new ResizeObserver(() => list.isConnected && shrinkToFit(list, list._sizes)).observe(list);
  }
  sizes.forEach((c) => c && list.classList.remove(c));
  for (let k = 1; k < sizes.length && list.scrollHeight > list.clientHeight + 1; k += 1) {
    if (sizes[k - 1]) list.classList.remove(sizes[k - 1]);
    list.classList.add(sizes[k]);
  }
  list.classList.toggle("overflowing", list.scrollHeight > list.clientHeight + 1);
}
