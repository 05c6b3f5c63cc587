/**
 * The app's messages, one file per feature and language under `locales/<language>/<feature>.json`,
 * so features add their strings without touching each other's files. Each file holds whole top-level
 * sections (`tasks`, `reports`…); a section defined in two files is an error, caught here at load.
 */
type Messages = { [key: string]: string | Messages };

function merge(files: Record<string, { default: Messages }>): Messages {
  const out: Messages = {};
  const owner = new Map<string, string>();
  for (const [file, module] of Object.entries(files)) {
    for (const [section, value] of Object.entries(module.default)) {
      const previous = owner.get(section);
      if (previous) throw new Error(`i18n: section "${section}" is in both ${previous} and ${file}`);
      owner.set(section, file);
      out[section] = value;
    }
  }
  return out;
}

export const vi = merge(import.meta.glob<{ default: Messages }>('./locales/vi/*.json', { eager: true }));
export const en = merge(import.meta.glob<{ default: Messages }>('./locales/en/*.json', { eager: true }));
export type { Messages };
