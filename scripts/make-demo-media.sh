#!/usr/bin/env bash
# Regenerates the demo community's course media in src/main/resources/demo/media/.
#
# The files are committed, so nobody needs to run this to build or run Guildhall. It is here
# so the media can be remade or changed. It needs Debian's ffmpeg, espeak-ng and
# fonts-noto-cjk (without a CJK font the video title cards fall back to English text):
#
#   apt-get install -y ffmpeg espeak-ng fonts-noto-cjk
#   scripts/make-demo-media.sh [OUTPUT_DIR]
#
# Everything is synthesised (espeak-ng speech, ffmpeg tones and test patterns), so the output
# is the project's own and released as CC0. With the same tool versions the output is the same
# byte for byte: no random sources, bitexact muxing, no metadata, single-threaded encoders.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="${1:-$repo_root/src/main/resources/demo/media}"

for tool in ffmpeg ffprobe espeak-ng; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-demo-media: '$tool' not found; apt-get install -y ffmpeg espeak-ng fonts-noto-cjk" >&2
    exit 1
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Speech and tone are made at this rate, mono.
readonly rate=24000
# Common ffmpeg flags: quiet, overwrite, deterministic output with no metadata.
ff=(ffmpeg -nostdin -hide_banner -loglevel error -y)
det_out=(-map_metadata -1 -map_chapters -1 -fflags +bitexact -flags +bitexact -threads 1)

# First espeak-ng voice of those given that is installed.
pick_voice() {
  local v
  for v in "$@"; do
    if espeak-ng --voices="$v" | awk 'NR > 1 { found = 1 } END { exit !found }'; then
      echo "$v"
      return 0
    fi
  done
  echo "make-demo-media: none of the espeak-ng voices '$*' is installed" >&2
  return 1
}

zh_voice="$(pick_voice cmn zh)"
en_voice="$(pick_voice en-us en)"

# A CJK font family for the title cards, or empty when none is installed.
cjk_font=""
if command -v fc-list >/dev/null 2>&1; then
  for family in "Noto Sans CJK SC" "Noto Serif CJK SC" "WenQuanYi Zen Hei" "WenQuanYi Micro Hei"; do
    if fc-list "$family" family | grep -q .; then
      cjk_font="$family"
      break
    fi
  done
fi

duration_of() {
  ffprobe -v error -show_entries format=duration -of default=noprint_wrappers=1:nokey=1 "$1"
}

# speak NAME VOICE SPEED TEXT: writes $work/NAME.wav, the mixed track: the speech starting
# at 0.6 s over a soft fading two-note tone, 1.2 s of tone after the speech, at least 8 s and
# at most 20 s long (a longer text is an error, not cut off).
speak() {
  local name="$1" voice="$2" speed="$3" text="$4"
  espeak-ng -v "$voice" -s "$speed" -w "$work/$name.speech.wav" "$text"
  local speech total
  speech="$(duration_of "$work/$name.speech.wav")"
  total="$(awk -v s="$speech" 'BEGIN { t = s + 1.8; if (t < 8) t = 8; printf "%.2f", t }')"
  if awk -v t="$total" 'BEGIN { exit !(t > 20) }'; then
    echo "make-demo-media: the speech of $name lasts ${speech} s; shorten its text to fit in 20 s" >&2
    return 1
  fi
  "${ff[@]}" -i "$work/$name.speech.wav" \
    -f lavfi -i "aevalsrc=0.018*sin(2*PI*220*t)+0.012*sin(2*PI*329.63*t):s=$rate:d=$total" \
    -filter_complex "[0:a]aresample=$rate,aformat=channel_layouts=mono,volume=0.85,adelay=600:all=1,apad[v];\
[1:a]afade=t=in:d=1.5,afade=t=out:st=$(awk -v t="$total" 'BEGIN { printf "%.2f", t - 2 }'):d=2[b];\
[v][b]amix=inputs=2:duration=shortest:normalize=0,atrim=0:${total}[a]" \
    -map '[a]' -ac 1 -ar "$rate" -c:a pcm_s16le "${det_out[@]}" "$work/$name.wav"
}

# title_filter CJK ENGLISH SUB KEY: drawtext chain for a title card: "CJK · ENGLISH" (only
# ENGLISH when no CJK font is installed), a subtitle and a running clock. Texts go through
# files so that no character of theirs needs filtergraph escaping.
title_filter() {
  local cjk="$1" english="$2" sub="$3" key="$4" font_opt="font=Sans"
  if [[ -n "$cjk_font" ]]; then
    # drawtext takes the family alone: a fontconfig ":style=" suffix would not match.
    font_opt="font='$cjk_font'"
    printf '%s · %s' "$cjk" "$english" >"$work/$key.title.txt"
  else
    printf '%s' "$english" >"$work/$key.title.txt"
  fi
  printf '%s' "$sub" >"$work/$key.sub.txt"
  printf '%s' "drawtext=$font_opt:textfile=$work/$key.title.txt:fontsize=36:fontcolor=white:x=(w-tw)/2:y=h/2-40,"
  printf '%s' "drawtext=$font_opt:textfile=$work/$key.sub.txt:fontsize=18:fontcolor=0xCBD5E1:x=(w-tw)/2:y=h/2+22,"
  printf '%s' "drawtext=font=Mono:text='%{pts\\:hms}':fontsize=16:fontcolor=0xCBD5E1:x=w-tw-14:y=h-th-12"
}

# Without a CJK font the project card stands on a test pattern instead of a plain background
# (the replay clip always has SMPTE bars).
if [[ -n "$cjk_font" ]]; then
  project_bg="color=c=0x1E293B:s=640x360:r=15"
else
  project_bg="testsrc=s=640x360:r=15"
fi

# ---- Audio -----------------------------------------------------------------------------

speak lecture-intro-zh "$zh_voice" 150 \
  "欢迎来到名师讲座。本讲我们讨论如何打造一个高粘性的知识付费社群。"
speak lecture-intro-en "$en_voice" 155 \
  "Welcome to the famous-teacher lecture series. Today: how to build a paid community people stay in."
speak career-talk-zh "$zh_voice" 150 \
  "职业指导预告：下一期我们请来行业专家，聊聊怎样规划你的第一份工作，准备一份好作品集。"
speak podcast-en "$en_voice" 155 \
  "This is the community podcast. In this short episode, members share the one habit that helped them finish a course. Listen any time, and join the discussion afterwards."

mkdir -p "$work/out"

# MP3 at 24 kHz is MPEG-2 Layer III; no ID3 tag at all.
"${ff[@]}" -i "$work/lecture-intro-zh.wav" -c:a libmp3lame -b:a 32k -ac 1 -ar "$rate" \
  -id3v2_version 0 -write_id3v1 0 "${det_out[@]}" "$work/out/lecture-intro-zh.mp3"
"${ff[@]}" -i "$work/podcast-en.wav" -c:a libmp3lame -b:a 32k -ac 1 -ar "$rate" \
  -id3v2_version 0 -write_id3v1 0 "${det_out[@]}" "$work/out/podcast-en.mp3"

# AAC-LC in MP4 (.m4a), index first so it starts playing before it has all loaded.
"${ff[@]}" -i "$work/lecture-intro-en.wav" -c:a aac -b:a 32k -ac 1 -ar "$rate" \
  -movflags +faststart "${det_out[@]}" "$work/out/lecture-intro-en.m4a"

# Opus in Ogg.
"${ff[@]}" -i "$work/career-talk-zh.wav" -c:a libopus -b:a 24k -ac 1 -application voip \
  "${det_out[@]}" "$work/out/career-talk-zh.ogg"

# ---- Video -----------------------------------------------------------------------------

# Hands-on project: a title card on a dark background with a bar that fills over the clip,
# 10 s, H.264 Constrained Baseline + AAC, with the Chinese lecture intro as its sound.
video_len=10
fill_rate="$(awk -v d="$video_len" 'BEGIN { printf "%.4f", 640 / d }')"
"${ff[@]}" \
  -f lavfi -i "$project_bg:d=$video_len" \
  -f lavfi -i "color=c=0xF59E0B:s=640x6:r=15:d=$video_len" \
  -i "$work/lecture-intro-zh.wav" \
  -filter_complex "[0:v]drawbox=x=0:y=0:w=iw:h=8:color=0x334155:t=fill,\
drawbox=x=0:y=ih/2-70:w=iw:h=130:color=black@0.35:t=fill,\
$(title_filter "实战项目" "Hands-on project" "Guildhall demo community · course preview" project)[bg];\
[bg][1:v]overlay=x=-W+t*$fill_rate:y=0:eval=frame,format=yuv420p[v];\
[2:a]atrim=0:$video_len,afade=t=out:st=$((video_len - 1)):d=1[a]" \
  -map '[v]' -map '[a]' -t "$video_len" \
  -c:v libx264 -profile:v baseline -level:v 3.0 -preset veryslow -crf 28 -g 75 \
  -maxrate 250k -bufsize 500k \
  -c:a aac -b:a 32k -ac 1 -ar "$rate" \
  -movflags +faststart "${det_out[@]}" "$work/out/project-demo.mp4"

# Live replay: SMPTE bars with a caption band and a blinking red "recorded" dot, 10 s,
# VP9 + Opus in WebM, with the Chinese career talk as its sound.
"${ff[@]}" \
  -f lavfi -i "smptebars=s=640x360:r=15:d=$video_len" \
  -f lavfi -i "color=c=0xDC2626:s=14x14:r=15:d=$video_len" \
  -i "$work/career-talk-zh.wav" \
  -filter_complex "[0:v]drawbox=x=0:y=ih/2-70:w=iw:h=130:color=black@0.72:t=fill,\
$(title_filter "直播回放" "Live replay" "Recorded live session · Guildhall demo community" replay)[bg];\
[bg][1:v]overlay=x=16:y=16:enable='lt(mod(t,1),0.6)',format=yuv420p[v];\
[2:a]atrim=0:$video_len,afade=t=out:st=$((video_len - 1)):d=1[a]" \
  -map '[v]' -map '[a]' -t "$video_len" \
  -c:v libvpx-vp9 -b:v 0 -crf 42 -deadline good -cpu-used 2 -row-mt 0 -g 75 \
  -c:a libopus -b:a 24k -ac 1 -application voip \
  "${det_out[@]}" "$work/out/replay-clip.webm"

mkdir -p "$out_dir"
for f in "$work"/out/*; do
  mv -f "$f" "$out_dir/"
done

# ---- Report ----------------------------------------------------------------------------

total=0
for f in lecture-intro-zh.mp3 lecture-intro-en.m4a career-talk-zh.ogg podcast-en.mp3 \
  project-demo.mp4 replay-clip.webm; do
  path="$out_dir/$f"
  size="$(stat -c %s "$path")"
  total=$((total + size))
  codecs="$(ffprobe -v error -show_entries stream=codec_name -of csv=p=0 "$path" | paste -sd+ -)"
  printf '%-22s %6.2f s  %-10s %7d bytes\n' "$f" "$(duration_of "$path")" "$codecs" "$size"
done
printf 'total %d bytes\n' "$total"
