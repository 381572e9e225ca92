/** Line icons for the taxonomy's category icon names (decorative: the choice's text names the category). */
const paths: Record<string, string[]> = {
  scale: ["M12 4v16", "M7 20h10", "M5 7h14", "M5 7l-3 6a3 3 0 0 0 6 0z", "M19 7l-3 6a3 3 0 0 0 6 0z"],
  heart: ["M12 20s-8-4.7-8-10.5A4.5 4.5 0 0 1 12 7a4.5 4.5 0 0 1 8 2.5C20 15.3 12 20 12 20z"],
  clinic: ["M4 20V8l8-4 8 4v12z", "M12 9v6", "M9 12h6", "M2 20h20"],
  hands: ["M3 13l4-4 4 3 3-2 7 4", "M7 15l3 3a1.5 1.5 0 0 0 2-2", "M12 16l2 2a1.5 1.5 0 0 0 2-2l-2-2", "M3 13v4"],
};
const fallback = ["M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z", "M12 8v5", "M12 16.5v.01"];

export function CategoryIcon(props: { name: string }) {
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
      {(paths[props.name] ?? fallback).map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
