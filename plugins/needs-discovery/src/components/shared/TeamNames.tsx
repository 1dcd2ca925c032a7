import { useEntityTitles } from '../../hooks/useEntityTitles';

/** Teams (Group refs) by their catalog titles, as text: "Checkout, Billing Team". */
export function TeamNames(props: { refs: readonly string[] }) {
  const { refs } = props;
  const title = useEntityTitles(refs);
  return <>{refs.map(title).join(', ')}</>;
}
