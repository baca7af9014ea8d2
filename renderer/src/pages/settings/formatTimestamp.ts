/** Kept as the settings pages' import; the format follows the UI language (components/format). */
export { formatTimestamp } from '../../components/format.js';
