/** Screens whose features have not landed yet say so plainly instead of showing an empty shell. */
export function ComingSoon({ title, arrivesWith }: { title: string; arrivesWith: string }): React.JSX.Element {
  return (
    <section className="view" aria-labelledby="cs-title">
      <h1 id="cs-title">{title}</h1>
      <p className="card muted">This screen arrives with {arrivesWith}.</p>
    </section>
  )
}
