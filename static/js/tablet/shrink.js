/* Pictures shrunk before they go: at most the server's side in pixels and PICTURE_CHARS
 * long (config.js), so a drawing and a photo fit in one message. */

import { PHOTO_SIDE, PICTURE_CHARS } from "./config.js";

export function fitPicture(source, w0, h0, side, png) {
  /* A data URL of the picture at most `side` pixels long and PICTURE_CHARS long: a
     drawing as PNG when that fits, else (and photos always) JPEG at 0.85, smaller and
     a little less sharp each time it does not fit yet. */
  let scale = Math.min(1, side / Math.max(w0, h0, 1));
  let quality = 0.85;
  let url = "";
  for (let tries = 0; tries < 6; tries++) {
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(w0 * scale));
    canvas.height = Math.max(1, Math.round(h0 * scale));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
    if (png && tries === 0) {
      url = canvas.toDataURL("image/png");
      if (url.length <= PICTURE_CHARS) return url;
    }
    url = canvas.toDataURL("image/jpeg", quality);
    if (url.length <= PICTURE_CHARS) return url;
    scale *= 0.75;
    quality = Math.max(0.6, quality - 0.08);
  }
  return url; // the server answers "too big" in words if even this does not fit
}

export function resizePhoto(file) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      const fitted = fitPicture(img, img.naturalWidth, img.naturalHeight, PHOTO_SIDE, false);
      URL.revokeObjectURL(url);
      resolve(fitted);
    };
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error("image")); };
    img.src = url;
  });
}
