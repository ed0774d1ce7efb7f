// `qctl completion bash|zsh|fish` prints a script; the hidden `qctl __complete -- WORDS…`
// prints the candidates those scripts offer (protocol: core/completion/complete.h).
#include <memory>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/completion/completion.h"

namespace qctl::cmd {

namespace {

struct CompletionOptions {
  std::string shell;
};

struct CompleteOptions {
  std::vector<std::string> words;  // after "qctl", the last one being completed
};

int run_completion(const CompletionOptions& opts, Context& ctx) {
  ctx.io.out << completion_script(opts.shell);
  return 0;
}

int run_complete(const CompleteOptions& opts, const CLI::App& root, Context& ctx) {
  auto words = opts.words;
  if (words.empty()) {
    words.emplace_back();  // `qctl <TAB>`
  }
  auto line = completion::complete(command_spec(root), words);
  const bool files = line.kind == completion::NameKind::kFiles;
  if (line.kind != completion::NameKind::kNone && !files) {
    auto live = live_names(line, ctx);
    if (line.kind == completion::NameKind::kApps) {
      live = completion::app_ids_as_typed(std::move(live), line.word);
    }
    const auto names = completion::match(live, line.word, line.insert_prefix);
    line.candidates.insert(line.candidates.end(), names.begin(), names.end());
  }
  completion::print(ctx.io.out, line.candidates, files);
  return 0;
}

void register_complete(CLI::App& root, Context& ctx) {
  auto opts = std::make_shared<CompleteOptions>();
  auto* cmd = root.add_subcommand("__complete", "Print completion candidates for the scripts");
  cmd->group("");  // hidden from --help and from completion itself
  cmd->fallthrough(false);
  cmd->allow_extras();
  // The scripts pass `-- WORDS…`, so words that look like flags or commands stay words.
  cmd->add_option("words", opts->words, "The words after qctl")->allow_extra_args();
  cmd->callback([opts, &root, &ctx] {
    ctx.selected = [opts, &root, &ctx] { return run_complete(*opts, root, ctx); };
  });
}

}  // namespace

void register_completion(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<CompletionOptions>();
  auto* cmd = parent.add_subcommand("completion", "Print the shell completion script");
  cmd->add_option("SHELL", opts->shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  set_examples(*cmd,
               "  source <(qctl completion bash)                  # in ~/.bashrc\n"
               "  source <(qctl completion zsh)                   # in ~/.zshrc, after compinit\n"
               "  qctl completion fish > ~/.config/fish/completions/qctl.fish\n");
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_completion(*opts, ctx); }; });
  register_complete(parent, ctx);
}

}  // namespace qctl::cmd
