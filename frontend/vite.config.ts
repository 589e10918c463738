import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vitest/config'

const distDir = fileURLToPath(new URL('./dist', import.meta.url))

/**
 * main.go embeds `all:frontend/dist`, so a fresh clone needs a file in dist: git tracks
 * dist/.gitkeep. Vite empties dist before every build; this puts the placeholder back so
 * a build leaves the work tree clean.
 */
function keepDistGitkeep(): Plugin {
  return {
    name: 'jiayuan:keep-dist-gitkeep',
    apply: 'build',
    closeBundle() {
      mkdirSync(distDir, { recursive: true })
      writeFileSync(`${distDir}/.gitkeep`, '')
    },
  }
}

export default defineConfig({
  plugins: [vue(), keepDistGitkeep()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // The app is offline: no CDN, no external fonts; everything is bundled.
  build: {
    outDir: distDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
  server: { strictPort: false },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
