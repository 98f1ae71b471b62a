/* Step kind → its view on the classroom screen (render.js mounts a copy when a step starts).
 * A new step kind: one file in this folder and one line here. An unknown kind shows as
 * `question`. */

export { welcome } from "./welcome.js";
export { news } from "./news.js";
export { question } from "./views.js"; // notes or word cloud
export { poll } from "./poll.js";
export { cards } from "./cards.js";
export { ideas } from "./ideas.js";
export { vote } from "./vote.js";
export { critical } from "./views.js"; // the class or its tables
export { wrapup } from "./wrapup.js";
