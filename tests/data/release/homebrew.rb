# A stand-in for Homebrew (simulated: the tests have no Homebrew). It loads a formula with the
# parts of Homebrew's Formula DSL that floe's formula uses, and then does what `brew install`
# and `brew test` do with it on this platform: unpacks the archive the formula names for this
# OS and CPU (read from a local release directory instead of the URL), enters its single
# top-level directory as Homebrew does, runs `install` into a prefix, then runs the `test do`
# block against the installed files.
#
#   ruby homebrew.rb FORMULA RELEASE_DIR PREFIX
# Prints "url <url>" and "sha256 <sum>" for the platform chosen, then "installed <path>" for
# every file installed, then "test passed".
require "fileutils"
require "open3"
require "pathname"
require "tmpdir"

module OS
  def self.mac? = RUBY_PLATFORM.include?("darwin")
  def self.linux? = RUBY_PLATFORM.include?("linux")
end

module Hardware
  module CPU
    def self.arm? = RUBY_PLATFORM.start_with?("aarch64", "arm64")
    def self.intel? = RUBY_PLATFORM.start_with?("x86_64")
  end
end

# Homebrew's Pathname#install: moves files into the directory, optionally renamed.
class Pathname
  def install(*sources)
    mkpath
    sources.flatten.each do |source|
      pairs = source.is_a?(Hash) ? source.to_a : [[source, File.basename(source.to_s)]]
      pairs.each do |from, to|
        raise "#{from} is not in the archive" unless File.exist?(from.to_s)
        FileUtils.mv(from.to_s, join(to.to_s).to_s)
        puts "installed #{join(to.to_s)}"
      end
    end
  end
end

class Formula
  class << self
    attr_reader :chosen, :test_block

    def desc(_text) = nil
    def homepage(_url) = nil
    def license(_name) = nil
    def version(value = nil) = value ? @version = value : @version
    def on_macos = (yield if OS.mac?)
    def on_linux = (yield if OS.linux?)
    def on_arm = (yield if Hardware::CPU.arm?)
    def on_intel = (yield if Hardware::CPU.intel?)
    def url(value) = (@chosen ||= {})[:url] = value
    def sha256(value) = (@chosen ||= {})[:sha256] = value
    def test(&block) = @test_block = block
  end

  attr_reader :prefix

  def initialize(prefix) = @prefix = Pathname.new(prefix)
  def version = self.class.version
  def bin = prefix/"bin"
  def man1 = prefix/"share/man/man1"
  def bash_completion = prefix/"etc/bash_completion.d"
  def zsh_completion = prefix/"share/zsh/site-functions"
  def fish_completion = prefix/"share/fish/vendor_completions.d"

  def shell_output(command, status = 0)
    out, code = Open3.capture2e(command)
    raise "#{command} exited #{code.exitstatus}, not #{status}:\n#{out}" unless code.exitstatus == status
    out
  end

  def assert_match(pattern, text)
    matched = pattern.is_a?(Regexp) ? pattern.match?(text) : text.include?(pattern)
    raise "#{pattern.inspect} not found in:\n#{text}" unless matched
  end
end

formula_path, release_dir, prefix = ARGV
load formula_path
formula_class = Object.const_get(File.basename(formula_path, ".rb").capitalize)
chosen = formula_class.chosen or raise "the formula has no archive for this platform"
puts "url #{chosen[:url]}"
puts "sha256 #{chosen[:sha256]}"
archive = File.join(release_dir, File.basename(chosen[:url]))
formula = formula_class.new(prefix)
Dir.mktmpdir do |stage|
  system("tar", "-xJf", archive, "-C", stage, exception: true)
  entries = Dir.children(stage)
  Dir.chdir(entries.length == 1 ? File.join(stage, entries[0]) : stage) { formula.install }
end
formula.instance_eval(&formula_class.test_block)
puts "test passed"
