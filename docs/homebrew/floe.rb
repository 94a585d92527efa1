# Homebrew formula for floe: builds from source with cargo and installs the binary,
# shell completions and man pages that the repository ships.
class Floe < Formula
  desc "Bootstrap and manage GitOps on Kubernetes with the Flux toolkit"
  homepage "https://github.com/floe-cli/floe"
  url "https://github.com/floe-cli/floe/archive/refs/tags/v0.1.0.tar.gz"
  # Fill in with `brew fetch --build-from-source floe` when a release is tagged.
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  license "Apache-2.0"
  head "https://github.com/floe-cli/floe.git", branch: "main"

  depends_on "pkgconf" => :build
  depends_on "rust" => :build
  depends_on "openssl@3"

  def install
    # Homebrew's OpenSSL rather than the statically built one floe links by default.
    system "cargo", "install", "--no-default-features", *std_cargo_args
    bash_completion.install "completions/floe.bash" => "floe"
    zsh_completion.install "completions/_floe"
    fish_completion.install "completions/floe.fish"
    man1.install Dir["man/*.1"]
  end

  test do
    assert_match "floe: v#{version}", shell_output("#{bin}/floe version")
    output = shell_output("#{bin}/floe create source git podinfo " \
                          "--url=https://github.com/stefanprodan/podinfo --branch=main --export")
    assert_match "kind: GitRepository", output
    assert_match "interval: 1m0s", output
  end
end
