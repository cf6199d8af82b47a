// Line icons drawn inline (no icon font, no network): each sits next to a text, never instead of one.

const PATHS = {
  back: 'M15 5l-7 7 7 7M8 12h12',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  alert: 'M12 3l10 18H2L12 3zM12 10v5M12 18v.5',
  info: 'M12 3a9 9 0 100 18 9 9 0 000-18zM12 11v6M12 7.5v.5',
  print: 'M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z',
  card: 'M3 6h18v12H3zM6 10h5M6 14h8M15 9h3v4h-3z',
  globe: 'M12 3a9 9 0 100 18 9 9 0 000-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  elderly: 'M12 4a2 2 0 100 4 2 2 0 000-4zM9 21l2-7-2-3 3-2 3 3 3 1M13 14l2 7M18 13v8',
  text: 'M4 19l5-14 5 14M6 14h6M15 19l3-8 3 8M16 16.5h4',
  contrast: 'M12 3a9 9 0 100 18V3z M12 3a9 9 0 110 18',
  sound: 'M4 9h4l5-4v14l-5-4H4zM16 9c1.5 1.5 1.5 4.5 0 6M18.5 6.5c3 3 3 8 0 11',
  muted: 'M4 9h4l5-4v14l-5-4H4zM16 9l5 6M21 9l-5 6',
  repeat: 'M4 12a8 8 0 0114-5.3M18 3v4h-4M20 12a8 8 0 01-14 5.3M6 21v-4h4',
  home: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  clock: 'M12 3a9 9 0 100 18 9 9 0 000-18zM12 7v5l3 3',
  kiosk: 'M5 3h14v12H5zM9 21h6M12 15v6M9 8h6',
  pause: 'M12 3a9 9 0 100 18 9 9 0 000-18zM10 9v6M14 9v6',
  qr: 'M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3zM6 6h1v1H6zM17 6h1v1h-1zM6 17h1v1H6zM14 14h3v3h-3zM18 18h3v3h-3zM14 20h2M20 14v2',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
