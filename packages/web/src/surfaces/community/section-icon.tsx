import type { IconName } from "./sections.js";

/** Simple line icons drawn for the section tiles (decorative: the tile's text names the section). */
const paths: Record<IconName, string[]> = {
  shield: ["M12 3l8 3v6c0 4.5-3.4 8.4-8 9-4.6-.6-8-4.5-8-9V6z", "M8.5 12l2.5 2.5 4.5-5"],
  info: ["M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z", "M12 11v6", "M12 7.5v.01"],
  pin: ["M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z", "M12 7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z"],
  people: [
    "M9 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6z",
    "M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6",
    "M16.5 6.5a2.5 2.5 0 1 1 0 5",
    "M17 14.2c2.3.5 4 2.7 4 5.8",
  ],
  megaphone: ["M3 10v4h3l8 4.5v-13L6 10z", "M17.5 8.5a5 5 0 0 1 0 7", "M6.5 14.5 8 20h2.5l-1-4.5"],
  clipboard: ["M6 5h12v16H6z", "M9 3h6v4H9z", "M9 11h6", "M9 15h6", "M9 18.5h3.5"],
  bell: ["M6 16v-5a6 6 0 0 1 12 0v5l1.5 2h-15z", "M10 20.5a2 2 0 0 0 4 0"],
};

export function SectionIcon(props: { name: IconName }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {paths[props.name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
