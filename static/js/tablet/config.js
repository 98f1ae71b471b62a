/* The tablet's settings: window.TABLET (tablet_config.js, from the page's JSON block), the
 * page's language and the picture limits of the server (media/images.py). */

export const CFG = window.TABLET;
// The child's language; it changes when the child chooses another (lang.js): a live binding,
// so every module that imports LANG reads the new one.
export let LANG = window.LANG || "nl";
export function setLang(code) { LANG = code; window.LANG = code; }
// The child languages, each {code, name (in its own script), dir, voice}.
export const LANGUAGES = CFG.languages || [];
export const TOKEN_KEY = "child:" + CFG.group_id;
export const DEVICE_KEY = "device"; // this tablet's own id, for every group (docs/protocol.md)
// What the server stores and reads (media/images.py): pictures are shrunk to fit first.
export const LIMITS = CFG.limits || {};
export const PHOTO_SIDE = LIMITS.photo_side || 1600;
export const DRAWING_SIDE = LIMITS.drawing_side || 1200;
// a picture: what the server takes, at most 3 MB (quick on school Wi-Fi), and two of them
// (a drawing and a photo) fit in one message
export const PICTURE_CHARS = Math.min(LIMITS.picture_chars || Infinity, 3 * 1024 * 1024,
                                      LIMITS.message_chars ? LIMITS.message_chars / 2 - 8192
                                        : Infinity);
