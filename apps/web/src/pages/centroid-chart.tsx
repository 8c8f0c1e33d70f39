/** Horizontal bars of a segment centroid's features, centred on zero (values are standardised). */
export function CentroidChart({ centroid, colour }: { centroid: Record<string, number>; colour: string }) {
  const entries = Object.entries(centroid);
  const scale = Math.max(1, ...entries.map(([, v]) => Math.abs(v)));
  return (
    <div className="centroid-chart" role="img" aria-label="Centroid features">
      {entries.map(([feature, value]) => {
        const width = (Math.abs(value) / scale) * 50;
        return (
          <div key={feature} className="centroid-chart__row" title={`${feature}: ${value.toFixed(2)}`}>
            <span className="centroid-chart__label">{feature}</span>
            <span className="centroid-chart__track">
              <span
                className="centroid-chart__bar"
                style={{ background: colour, width: `${width}%`, left: value >= 0 ? '50%' : `${50 - width}%` }}
              />
            </span>
            <span className="centroid-chart__value">{value.toFixed(2)}</span>
          </div>
        );
      })}
    </div>
  );
}
