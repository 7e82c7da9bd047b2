/** Seeded pseudo-random numbers (mulberry32): the same seed gives the same PBX traffic. */
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new RangeError('pick from an empty list')
    return item
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** Exponentially distributed delay with the given mean (Poisson arrivals). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean
  }

  /** Version-4-shaped UUID from this generator (bridge ids look like Asterisk's). */
  uuid(): string {
    const hex = (n: number): string => {
      let s = ''
      for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16)
      return s
    }
    const variant = (8 + Math.floor(this.next() * 4)).toString(16)
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
  }
}
