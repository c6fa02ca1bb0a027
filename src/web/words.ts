/** A count in English: "1 young person", "3 young people", "0 days". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
