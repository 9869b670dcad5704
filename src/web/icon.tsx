/** An icon from the sprite. Decorative unless given a label. */
import type { IconName } from './assets.js';
import { usePage } from './page.js';

export function Icon(props: { name: IconName; label?: string; class?: string }) {
  const { assets } = usePage();
  const labelled = props.label !== undefined;
  return (
    <svg
      class={props.class ? `icon ${props.class}` : 'icon'}
      aria-hidden={labelled ? undefined : 'true'}
      role={labelled ? 'img' : undefined}
      aria-label={props.label}
      focusable="false"
    >
      <use href={`${assets.url('icons.svg')}#${props.name}`} />
    </svg>
  );
}
