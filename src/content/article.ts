/**
 * Emily Powell’s article, as published, with none of the page chrome around it.
 *
 * This module is the single source of truth for the text: the element, the pre-rendered
 * snippet and the structured data all read it. The words are the author’s own — her
 * capitals, dashes, quotes and ellipses are kept exactly. Text is stored as plain strings;
 * emphasis is data, never markup, so nothing here is ever parsed as HTML.
 */

/** A run of text, either plain or emphasised (rendered as `<em>`). */
export type Inline = string | {readonly emphasis: string};

/** One paragraph: a sequence of runs. */
export type Paragraph = readonly Inline[];

export interface ArticleContent {
  /** BCP 47 language of the text. */
  readonly lang: string;
  readonly title: string;
  readonly author: {
    readonly name: string;
    readonly credentials: readonly string[];
  };
  /** The body, in reading order. */
  readonly paragraphs: readonly Paragraph[];
  /** The closing call-to-action paragraph (“Curious about … Reach out below!”). */
  readonly callToAction: Paragraph;
}

export const article: ArticleContent = {
  lang: 'en',
  title: 'Is it "Normal" to be Attached to your Therapist?',
  author: {name: 'Emily Powell', credentials: ['LMHC', 'LPC']},
  paragraphs: [
    [
      'So, you have been in therapy for a little while now. Maybe you started therapy with the expectation that it would be a space to vent, maybe get a little advice, and perhaps the therapist might even tell you what to do directly about a life circumstance you felt uncertain about. It’s been several sessions, and you realize that therapy is and can be a bit different than what you had previously expected. Surprisingly, you haven’t received straight up advice. In fact, you have been asked far more questions than you have been given answers.',
    ],
    [
      'But something strange is happening. You look forward to seeing your therapist. You are processing some hard things, but you sense this connection between the two of you. You finally feel what it feels like to be truly seen… witnessed… understood, even. It’s an unfamiliar sensation, and it feels simultaneously scary and comforting. You find yourself scrolling TikTok, searching, “is it normal to feel attached to my therapist?”',
    ],
    [
      'Well – here is a straight up answer from a therapist who is MUCH less focused on answers, and much more focused on living through the questions themselves…',
    ],
    [
      'Yes. Yes, indeed. It is normal, okay, and actually really wonderful to feel attached to your therapist! Even more than that, (without speaking for all therapists), your therapist is likely also attached to you!',
    ],
    [
      'Attachment can feel like an overwhelming concept with several pop-culture misinterpretations associated with it. For folks who have experienced relational wounds from or between loved ones, attachment can feel inherently dangerous. Perhaps you have learned that it is safer to be hyper-independent, to solely rely on yourself. That way, you do not get hurt in the same way you were as a small child or adolescent. Maybe you have learned that being in relationships is unsafe, and that those who were supposed to love you were unable to provide you with that. This might contribute to the internal belief that something about you just is not deserving of love or tenderness. It’s possible to feel that being attached to someone might drive them away, leading you to feel anxious and insecure.',
    ],
    [
      'In these instances, coming to therapy and starting to feel attached to this therapist, then, can feel intimidating! 100% valid. AND, the attachment between a therapist and their client can be the vessel for healing. Relational therapists look at the therapeutic relationship as a tool to demonstrate that relationships do not have to be fundamentally dangerous. It is through the relationship between client and therapist, where one can experience what being in a secure attachment feels like. This can then transcend outside of the therapeutic space, and help grow a client’s capacity for secure attachment. Relational wounds often require relational healing.',
    ],
    [
      'The relationship between the therapist and client can feel intricate – you are sharing the most intimate and vulnerable parts of yourself. Parts of yourself that may have been hidden away for a lifetime. At the same time, this is a professional relationship, whereby you are paying this “mental health professional,” in exchange for their expertise. This often trips people up: “My therapist couldn’t possibly actually care for me and feel attached to me. I am paying them to care about me!!!” Yes, you are paying this person for their expertise. AND, that does not mean that their genuine empathy, care, love, and authentic attachment cannot exist.',
    ],
    [
      'There are boundaries within the relationship, and the attachment is real. Those two things can exist simultaneously.',
    ],
    [
      'It is also okay to NOT feel attached to your therapist at first. Relational wounds often create protective parts to ensure a safe distance from people. These parts might feel like intellectualizing (',
      {
        emphasis: 'thinking',
      },
      ' in therapy more so than feeling, keeping the therapist at a safe, reasonable, and logical distance from you), non-trusting (“there’s no way I will ever trust this therapist,”) or avoidance (having a wall up between you and therapist in fear of getting burned by yet another person). Relational and attachment focused therapists often understand these protective parts are manners in which we, as humans, have adapted to keep ourselves far away from the vulnerability and hurt we may have had to experience in previous relationships. With a demonstration of consistency and genuine regard, it is possible to move into a secure attachment with your therapist.',
    ],
    [
      'Attachment is a multifaceted topic that goes much deeper than we often give credit to. Our attachment system is rooted in our nervous system’s protective responses. We are wired to connect with one another, and when that is harmed, we re-wire to keep ourselves safe. I have seen the power of relational healing within the therapeutic setting, where the therapeutic relationship can serve to move folks into more secure relating.',
    ],
    [
      'While it may feel nerve-wracking to begin feeling attached to your therapist, it can also serve as the premise for working through attachment scars. The power of the therapeutic relationship continues being one of the greatest privileges I have the honor of witnessing and being a part of as a therapist :)',
    ],
  ],
  callToAction: [
    'Curious about working with a relational therapist? My team and I root our work in relational and attachment approaches, moving past "the solutions," and into a deeper relationship with yourself and those around you. Reach out below!',
  ],
};

/** The signature line as the author signs: “Emily Powell, LMHC, LPC”. */
export const signature = (content: ArticleContent = article): string =>
  [content.author.name, ...content.author.credentials].join(', ');

/** The byline under the title, as the original post has it: “By Emily Powell, LMHC, LPC”. */
export const byline = (content: ArticleContent = article): string => `By ${signature(content)}`;

/** Plain text of a paragraph, emphasis flattened. */
export const plainText = (paragraph: Paragraph): string =>
  paragraph.map((run) => (typeof run === 'string' ? run : run.emphasis)).join('');
