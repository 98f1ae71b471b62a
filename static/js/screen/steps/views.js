/* The views a leader switches between inside one step (registered in index.js): the
 * question wall as notes or as a word cloud (the leader's ☁️ button, kept per step), and
 * critical thinking for the whole class or, for a class at tables, every table's progress. */

import { cloud } from "./cloud.js";
import { critical as focusView } from "./critical.js";
import { question as notes } from "./question.js";
import { switching } from "./switching.js";
import { tableProgress } from "./table_progress.js";

export const question = switching(notes, cloud, (s) => s.cloud, "is-cloud");
export const critical = switching(focusView, tableProgress, (s) => (s.tables || []).length > 0,
                                  "is-tables");
