/**
 * Who each mentor holds, for the solvers: each mentor's current mentees sit
 * in its own block of slots (as many as its capacity), and slotOf finds a
 * mentee's place, so adding and removing are O(1) and a mentor's mentees are
 * slotMentee[slotStart[j] .. slotStart[j] + load[j]).
 */
export interface MentorSlots {
  slotStart: Int32Array;
  slotMentee: Int32Array;
  slotOf: Int32Array;
  load: Int32Array;
  add(mentor: number, mentee: number): void;
  remove(mentor: number, mentee: number): void;
}

export function mentorSlots(capacity: Int32Array | number[], mentees: number): MentorSlots {
  const mentors = capacity.length;
  const slotStart = new Int32Array(mentors + 1);
  for (let j = 0; j < mentors; j++) slotStart[j + 1] = slotStart[j]! + capacity[j]!;
  const slotMentee = new Int32Array(slotStart[mentors]!);
  const slotOf = new Int32Array(mentees);
  const load = new Int32Array(mentors);
  return {
    slotStart,
    slotMentee,
    slotOf,
    load,
    add(mentor, mentee) {
      const slot = slotStart[mentor]! + load[mentor]!++;
      slotMentee[slot] = mentee;
      slotOf[mentee] = slot;
    },
    remove(mentor, mentee) {
      const last = slotStart[mentor]! + --load[mentor]!;
      const slot = slotOf[mentee]!;
      const moved = slotMentee[last]!;
      slotMentee[slot] = moved;
      slotOf[moved] = slot;
    },
  };
}
