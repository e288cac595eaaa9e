import { CONTENT } from '../content';

/** The app shell. The playable board arrives with the hot-seat issue; this lists the scenarios. */
export function App() {
  return (
    <main style={{ maxWidth: 720, margin: '2rem auto', fontFamily: 'system-ui, sans-serif', lineHeight: 1.5, padding: '0 1rem' }}>
      <h1>De-Risk</h1>
      <p>
        A two-player strategy game about U.S.–China economic statecraft. One player is Washington, the other Beijing.
        Spend leverage on tariffs, export controls, mineral bans, purchase orders and deals while watching the
        relationship and your support at home.
      </p>
      <h2>Scenarios</h2>
      <ul>
        {[...CONTENT.scenarios.values()].map((s) => (
          <li key={s.id}>
            <strong>{s.title}.</strong> {s.text}
          </li>
        ))}
      </ul>
    </main>
  );
}
