import { escapeHtml } from '../escape.js';

/** What video_params returns for a supported video URL. */
export interface VideoParams {
  provider: string;
  url: string;
  video_id: string;
  embed_url: string;
  embed_code: string;
}

const PROVIDERS: Array<{ name: string; patterns: RegExp[]; embed: (id: string) => string }> = [
  {
    name: 'YouTube',
    patterns: [
      /^(?:https?:)?\/\/(?:www\.|m\.)?youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/|v\/|shorts\/|live\/)([\w-]{11})/i,
      /^(?:https?:)?\/\/youtu\.be\/([\w-]{11})/i,
    ],
    embed: (id) => `https://www.youtube.com/embed/${id}`,
  },
  {
    name: 'Vimeo',
    patterns: [/^(?:https?:)?\/\/(?:www\.)?vimeo\.com\/(?:channels\/[\w-]+\/|groups\/[\w-]+\/videos\/|video\/)?(\d+)/i, /^(?:https?:)?\/\/player\.vimeo\.com\/video\/(\d+)/i],
    embed: (id) => `https://player.vimeo.com/video/${id}`,
  },
  {
    name: 'Dailymotion',
    patterns: [/^(?:https?:)?\/\/(?:www\.)?dailymotion\.com\/(?:embed\/)?video\/([a-z0-9]+)/i, /^(?:https?:)?\/\/dai\.ly\/([a-z0-9]+)/i],
    embed: (id) => `https://www.dailymotion.com/embed/video/${id}`,
  },
];

/** An iframe playing the embed URL; attributes (width, height...) are added as given. */
export function embedCode(embedUrl: string, attributes: Record<string, string> = {}): string {
  const attrs = { src: embedUrl, frameborder: '0', allowfullscreen: 'allowfullscreen', ...attributes };
  return `<iframe${Object.entries(attrs).map(([k, v]) => ` ${escapeHtml(k)}="${escapeHtml(v)}"`).join('')}></iframe>`;
}

/** Provider, id and embed data of a YouTube, Vimeo or Dailymotion URL; null for anything else. */
export function videoParams(url: string): VideoParams | null {
  const text = url.trim();
  for (const p of PROVIDERS) {
    for (const re of p.patterns) {
      const m = re.exec(text);
      if (!m) continue;
      const embed = p.embed(m[1]);
      return { provider: p.name, url, video_id: m[1], embed_url: embed, embed_code: embedCode(embed) };
    }
  }
  return null;
}
