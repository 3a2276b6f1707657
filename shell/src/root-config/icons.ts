/** Stroke paths (24×24) of the shell's few icons, drawn for the console (no icon font, no third-party host). */
export const ICONS = {
  members:
    'M12.5 8a3.5 3.5 0 1 1-7 0 3.5 3.5 0 0 1 7 0zM2.5 20a6.5 6.5 0 0 1 13 0M19.5 9a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0M16.5 14.1A5 5 0 0 1 21.5 19',
  kpi: 'M3 20h18M6 16v-5M11 16V6M16 16v-8M20 4l-5 4-4-2-5 5',
  contests: 'M8 4h8v5a4 4 0 0 1-8 0zM8 6H5a3 3 0 0 0 3 4M16 6h3a3 3 0 0 1-3 4M12 13v4M8 20h8M9 17h6',
  module: 'M4 4h16v16H4zM4 10h16M10 10v10',
  unit: 'M12 3v5M5 13V9h14v4M12 8v5M3 17h4v4H3zM10 17h4v4h-4zM17 17h4v4h-4zM5 13v4M12 13v4M19 13v4',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  chevron: 'M7 10l5 5 5-5',
} as const;

/** Name of an icon of {@link ICONS}. */
export type IconName = keyof typeof ICONS;
